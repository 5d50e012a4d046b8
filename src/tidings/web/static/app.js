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
