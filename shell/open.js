// open.js — run by each link-preview page (s/<step-id>/index.html, written
// by `explain site`): opens the explainer at that page's step. A fragment of
// the preview link's own (#/<step>/<entity>, as Copy link makes it) wins.
// location.replace keeps the preview page out of the history, so Back
// leaves the explainer instead of bouncing into it again.
'use strict';
(function () {
  const step = document.documentElement.getAttribute('data-step') || '';
  const fragment = location.hash.length > 1 ? location.hash.slice(0, 600) : '#/' + encodeURIComponent(step);
  location.replace(new URL('../../' + fragment, location.href).href);
})();
