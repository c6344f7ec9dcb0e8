/*
 * Keeps the deadline clock above the page editor's tabs current while the editor is open.
 *
 * The server renders the clock's text for the moment the page loaded; this recomputes it every
 * 15 seconds (time left rounded up, as the server does) from the deadline (data-deadline) and the server's time at load (data-now), so a
 * wrong clock on the computer does not matter. The sentences come from the server, translated
 * (the json_script "deadline-clock-patterns"), with Python's %(name)s / %(name)d placeholders.
 */
(() => {
  'use strict';

  const TICK_MS = 15000;

  function fill(pattern, values) {
    return pattern.replace(/%\((\w+)\)[sd]/g, (match, name) =>
      name in values ? String(values[name]) : match,
    );
  }

  function duration(patterns, milliseconds, roundUp) {
    const exact = Math.max(milliseconds, 0) / 60000;
    const minutes = roundUp ? Math.ceil(exact) : Math.floor(exact);
    if (minutes === 0) return patterns.under_a_minute;
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (!hours) return fill(patterns.minutes, { minutes: rest });
    if (!rest) return fill(patterns.hours, { hours });
    return fill(patterns.hours_minutes, { hours, minutes: rest });
  }

  function start(section) {
    const patternsElement = document.getElementById('deadline-clock-patterns');
    const text = section.querySelector('[data-deadline-clock-text]');
    const deadline = Date.parse(section.dataset.deadline);
    const serverNow = Date.parse(section.dataset.now);
    if (!patternsElement || !text || Number.isNaN(deadline) || Number.isNaN(serverNow)) return;
    const patterns = JSON.parse(patternsElement.textContent);
    const skew = serverNow - Date.now();
    const time = section.dataset.dueTime;

    function tick() {
      const left = deadline - (Date.now() + skew);
      const overdue = left <= 0;
      text.textContent = overdue
        ? fill(patterns.overdue, { late: duration(patterns, -left, false), time })
        : fill(patterns.running, { left: duration(patterns, left, true), time });
      section.classList.toggle('deadline-clock--overdue', overdue);
      section.classList.toggle('deadline-clock--running', !overdue);
    }

    tick();
    window.setInterval(tick, TICK_MS);
  }

  function init() {
    document.querySelectorAll('[data-deadline-clock]').forEach(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
