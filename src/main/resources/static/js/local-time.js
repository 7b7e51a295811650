// Beside each moment shown in the forum's time zone, the same moment in the viewer's own zone (from the browser),
// in the page's language: <time datetime="2026-12-07T12:00:00Z" data-local-time>7 December 2026, 18:00 (Asia/Almaty)</time>
document.addEventListener('DOMContentLoaded', () => {
  const lang = document.documentElement.lang || 'en';
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll('time[data-local-time]').forEach(t => {
    const at = new Date(t.getAttribute('datetime'));
    if (isNaN(at)) return;
    const text = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23', timeZone: own }).format(at);
    const span = document.createElement('span');
    span.className = 'local-time';
    span.textContent = ' (' + t.dataset.label + ': ' + text + ', ' + own + ')';
    t.after(span);
  });
});
