// Article view: click a quote (in the text or the list) to light up its text, speaker and cue; #V3 / #Q1 light up
// that event or quote, and so does hovering an event in the list.
(function () {
  function pieces(id) {
    return Array.prototype.filter.call(document.querySelectorAll('#article-text .mark'), function (el) {
      return (el.getAttribute('data-ids') || '').split(' ').indexOf(id) >= 0;
    });
  }
  function clear() {
    document.querySelectorAll('.lit, .lit-speaker, .lit-cue, .lit-event').forEach(function (el) {
      el.classList.remove('lit', 'lit-speaker', 'lit-cue', 'lit-event');
    });
    document.querySelectorAll('.quote-item.active').forEach(function (el) { el.classList.remove('active'); });
  }
  function show(quoteId) {
    clear();
    pieces(quoteId).forEach(function (el) { el.classList.add('lit'); });
    pieces('S-' + quoteId).forEach(function (el) { el.classList.add('lit-speaker'); });
    pieces('C-' + quoteId).forEach(function (el) { el.classList.add('lit-cue'); });
    var item = document.querySelector('.quote-item[data-quote="' + quoteId + '"]');
    if (item) { item.classList.add('active'); }
  }
  document.addEventListener('click', function (ev) {
    var item = ev.target.closest('.quote-item');
    if (item) { show(item.getAttribute('data-quote')); return; }
    var mark = ev.target.closest('#article-text .mark.quote');
    if (mark) {
      var ids = (mark.getAttribute('data-ids') || '').split(' ');
      for (var i = 0; i < ids.length; i++) { if (/^Q\d+$/.test(ids[i])) { show(ids[i]); return; } }
    }
  });
  // A link to #V3 (an event) or #Q1 (a quote): CSS lights the first piece (:target); light them all.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (/^Q\d+$/.test(id)) { show(id); return; }
    if (/^V\d+$/.test(id)) { lightEvent(id); }
  }
  function lightEvent(id) { clear(); pieces(id).forEach(function (el) { el.classList.add('lit-event'); }); }
  document.addEventListener('mouseover', function (ev) {
    var item = ev.target.closest && ev.target.closest('.event-item');
    if (item) { lightEvent(item.getAttribute('data-event')); }
  });
  window.addEventListener('hashchange', fromHash);
  if (location.hash) { fromHash(); }
  document.addEventListener('keydown', function (ev) {
    var item = ev.target.closest && ev.target.closest('.quote-item');
    if (item && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); show(item.getAttribute('data-quote')); }
  });
})();
// Events timeline: a click on a bar follows its link (its events); a drag across bars asks for that range.
(function () {
  var start = null, dragged = false;
  function bar(el) { return el && el.closest ? el.closest('svg.timeline a.bar') : null; }
  function bars() { return Array.prototype.slice.call(document.querySelectorAll('svg.timeline a.bar')); }
  function mark(a, b) {
    var all = bars(), i = all.indexOf(a), j = all.indexOf(b), lo = Math.min(i, j), hi = Math.max(i, j);
    all.forEach(function (el, k) { el.classList.toggle('picked', k >= lo && k <= hi); });
    return [all[lo], all[hi]];
  }
  document.addEventListener('mousedown', function (ev) {
    var b = bar(ev.target);
    if (b) { start = b; dragged = false; ev.preventDefault(); }
  });
  document.addEventListener('mouseover', function (ev) {
    var b = bar(ev.target);
    if (start && b && b !== start) { dragged = true; mark(start, b); }
  });
  document.addEventListener('mouseup', function (ev) {
    var b = bar(ev.target), from = start;
    start = null;
    if (!from || !b || !dragged) { return; }
    var ends = mark(from, b);
    var url = new URL(ends[0].getAttribute('href'), location.href);
    url.searchParams.set('since', ends[0].getAttribute('data-since'));
    url.searchParams.set('until', ends[1].getAttribute('data-until'));
    location.href = url.toString();
  });
  document.addEventListener('click', function (ev) {
    if (dragged && bar(ev.target)) { ev.preventDefault(); dragged = false; }
  }, true);
})();
