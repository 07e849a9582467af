// page.js — the page around the explainer: downloads the program, its story
// and font at once and makes the WebGL2 context meanwhile; the loader, the
// error page, the text version's start (text.js), Copy link and share,
// downloads, and window.explainer (the API for embedding and tests).
// Kept out of index.html so the page runs under a strict Content-Security-
// Policy (no inline script or style; see the README). Everything shown comes
// in as text (textContent), never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const started = performance.now();
  // A step's preview page (s/<step-id>/, what Copy link shares) is this very
  // page with that step's card and a <base> of the site: it becomes the
  // explainer's own address at once, opening its step (or the link's own
  // fragment), with no second page load, and Back leaves as from the explainer.
  const previewOf = document.documentElement.getAttribute('data-step');
  if (previewOf) {
    const fragment = location.hash.length > 1 ? location.hash : window.explainerLink.format(previewOf, '');
    history.replaceState(null, '', new URL(location.search + fragment, document.baseURI).href);
  }
  if (new URLSearchParams(location.search).get('embed') === '1') document.body.classList.add('embed');

  // Everything shown comes in as text (textContent), never as HTML.
  function listLines(list, lines) {
    list.replaceChildren();
    for (const line of lines.slice(0, 300)) {
      const li = document.createElement('li');
      li.textContent = line;
      list.appendChild(li);
    }
    if (lines.length > 300) list.appendChild(Object.assign(document.createElement('li'), { textContent: '… and ' + (lines.length - 300) + ' more' }));
  }
  function fail(title, lines, text) {
    $('message-title').textContent = title;
    $('message-text').textContent = text || '';
    listLines($('message-list'), lines);
    document.body.classList.add('failed');
  }

  function progress(fraction) { $('progress').style.width = Math.round(Math.min(1, fraction) * 100) + '%'; }

  // A file as bytes, refused past `limit` (what it may hold once decoded).
  // Content-Length counts what was sent: with Content-Encoding (a host that
  // serves precompressed files) the body decodes to more, so it is only a
  // hint for the progress bar, never a size the bytes must fit.
  const MiB = 1024 * 1024;
  async function fetchBytes(url, onProgress, limit = 64 * MiB) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': the server answered ' + response.status + ' ' + response.statusText);
    const sent = Number(response.headers.get('Content-Length')) || 0;
    const encoded = !!response.headers.get('Content-Encoding');
    const tooBig = () => new Error(url + ' is larger than the ' + Math.round(limit / MiB) + ' MB it may be');
    if (sent > limit && !encoded) throw tooBig();
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > limit) throw tooBig();
      return bytes;
    }
    const reader = response.body.getReader();
    let bytes = new Uint8Array(encoded ? Math.min(limit, sent * 4 || 65536) : Math.min(limit, sent || 65536));
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (got + value.length > limit) { reader.cancel(); throw tooBig(); }
      if (got + value.length > bytes.length) {   // grow by doubling, never past the limit
        const grown = new Uint8Array(Math.min(limit, Math.max(bytes.length * 2, got + value.length)));
        grown.set(bytes.subarray(0, got));
        bytes = grown;
      }
      bytes.set(value, got);
      got += value.length;
      if (onProgress && sent) onProgress(encoded ? Math.min(0.95, got / (sent * 3)) : got / sent);
    }
    return bytes.subarray(0, got);
  }

  let lastHash = location.hash;
  let program = null;   // the program's own functions (page.ready)
  let toastTimer = 0;
  // A toast says its words once, then leaves the page (and so the
  // accessibility tree) when it has faded.
  function toast(text, ms) {
    $('toast').textContent = text;
    $('toast').classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      $('toast').classList.remove('show');
      toastTimer = setTimeout(() => { $('toast').textContent = ''; }, 400);
    }, ms || 1800);
  }
  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 30000);
  }

  // The text version (text.js, text.json) arrives after the first frame, or at
  // once where the map cannot be drawn; what the app last said waits for it.
  let textScript = null, readerState = null;
  function startText(alone) {
    if (!textScript) {
      textScript = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'text.js';
        s.onload = resolve;
        s.onerror = () => reject(new Error('text.js did not load'));
        document.body.appendChild(s);
      });
    }
    const started = textScript.then(() => window.explainerText.start({ alone }))
      .then(() => { if (readerState && !alone) window.explainerText.show(readerState); });
    started.catch((e) => { $('tv-progress').textContent = 'The text version could not load: ' + (e.message || e); });
    return started;
  }
  // One view at a time: the other is inert, so neither Tab nor a screen
  // reader lands in what can't be seen (and focus alone never switches).
  function setTextView(on) {
    document.body.classList.toggle('text-view', on);
    $('stage').inert = on;
    $('text-version').inert = !on;
    $('text-toggle').setAttribute('aria-pressed', on ? 'true' : 'false');
    $('text-toggle').textContent = on ? 'Map' : 'Text version';
    if (on) startText(false);
  }
  let textOnly = false;
  function showTextOnly(reason, after) {
    if (textOnly) return;
    textOnly = true;
    document.body.classList.add('text-only', 'text-view');
    $('stage').inert = true;
    $('text-version').inert = false;
    if ($('loading')) $('loading').remove();
    $('tv-map').hidden = true;
    $('tv-note').hidden = false;
    $('tv-note').textContent = reason + ' ' + (after || 'The map cannot be drawn here, so this is the whole explainer as text: step through it below.');
    startText(true);
    storyChosen.then(() => { if (storyNotice) toast(storyNotice, 8000); }, () => {});
  }
  // Which story: ?story=<id> names one in the site's list (stories.json);
  // only a path made from an id found there is ever fetched. An unknown id
  // says so and shows the site's own story.
  const contract = window.explainerContract;   // the rules shared with the program (src/contract/contract.json)
  const kMaxStoryBytes = contract.limits.storyBytes;
  // The map and the text version alike wait for the choice (storyChosen).
  const wanted = new URLSearchParams(location.search).get('story');
  let story = { id: '', text: 'text.json', shareable: true };   // the site's own story
  let storyNotice = '';
  const storyChosen = (async () => {
    if (!wanted) return;
    const list = JSON.parse(new TextDecoder().decode(await fetchBytes('stories.json')));
    const entry = (list.stories || []).find((s) => s.id === wanted);
    if (!entry) {   // the name as the core quotes link text (shell/link.js)
      storyNotice = 'This site has no story called ' + window.explainerLink.shown(wanted) + '; here is ' +
                    ((list.stories || [])[0] || {}).title + '.';
      return;
    }
    if (entry.default) return;
    story = { id: entry.id, text: 'stories/' + entry.id + '.text.json', shareable: true };
    // Named at once, in the map and the text version alike (as text).
    $('story-title').textContent = entry.title;
    $('story-show').textContent = entry.show;
  })();
  async function fetchStory(onProgress) {
    await storyChosen;
    return fetchBytes(story.id ? 'stories/' + story.id + '.json' : 'story.json', onProgress, kMaxStoryBytes);
  }
  // The header names the story on screen (its title and show, as text).
  function showStoryTitle() {
    const s = program.state().story;
    $('story-title').textContent = s.title;
    $('story-show').textContent = s.show;
    $('canvas').setAttribute('aria-label', 'Relationship map: ' + s.title);
  }
  function storyProblems(name, lines) {
    $('sp-title').textContent = name + ' cannot be opened';
    listLines($('sp-list'), lines);
    if ($('story-problems').hidden) overlayReturn = document.activeElement;
    $('story-problems').hidden = false;
    $('sp-close').focus();
  }
  // Where focus goes back to when an overlay (the problems list, the link
  // box) closes: where it was when the overlay opened.
  let overlayReturn = null;
  function closeOverlays() {
    const open = !$('story-problems').hidden || $('linkbox').classList.contains('show');
    $('story-problems').hidden = true;
    $('linkbox').classList.remove('show');
    if (!open) return;
    const back = overlayReturn && overlayReturn.isConnected && !overlayReturn.closest('[inert]') ? overlayReturn : $('canvas');
    overlayReturn = null;
    back.focus({ preventScroll: true });
  }
  // Which story each history entry belongs to: 'site' (the site's, as
  // ?story= chose it) or 'file:<id>', a story opened from a file in this tab.
  // Back and Forward switch stories where an entry's differs, so the two are
  // never mixed. An opened story is kept in sessionStorage (up to
  // kKeptChars), so a reload or Back after one reopens it; one too big to
  // keep makes reloading ask first.
  let storyKey = 'site', siteStory = null, siteStoryBytes = null;
  const kKeptChars = 2 * 1024 * 1024;
  const opened = new Map();   // key → { name, bytes, kept }
  const entry = () => ({ explainer: 1, story: storyKey });
  const kOpenedInMemory = 4;   // older opened stories live on only in sessionStorage
  function keepOpened(key, name, bytes) {
    let kept = false;
    try {
      const text = new TextDecoder().decode(bytes);
      if (text.length <= kKeptChars) {
        const item = JSON.stringify({ name, text });
        // A full quota makes room by dropping the oldest kept story (keys sort by time).
        for (;;) {
          try { sessionStorage.setItem('explainer:' + key, item); kept = true; break; } catch (e) {
            const older = Object.keys(sessionStorage).filter((k) => k.startsWith('explainer:file:') && k !== 'explainer:' + key).sort();
            if (!older.length) break;
            sessionStorage.removeItem(older[0]);
          }
        }
      }
    } catch (e) { /* no storage here (a sandboxed frame): kept in memory only */ }
    opened.set(key, { name, bytes, kept });
    for (const old of opened.keys()) {
      if (opened.size <= kOpenedInMemory) break;
      if (old !== key) opened.delete(old);
    }
  }
  function openedStory(key) {
    if (opened.has(key)) return opened.get(key);
    try {
      const saved = JSON.parse(sessionStorage.getItem('explainer:' + key) || 'null');
      if (saved) return { name: saved.name, bytes: new TextEncoder().encode(saved.text), kept: true };
    } catch (e) { /* nothing kept */ }
    return null;
  }
  // Puts the story of history entry `key` on screen (the site's if that one
  // is gone); says which it showed.
  function switchStory(key) {
    const file = key === 'site' ? null : openedStory(key);
    if (key !== 'site' && !file) {
      toast('The story opened from a file is no longer kept in this tab; here is this site\u2019s story.', 6000);
      key = 'site';
    }
    const problems = program.openStory(file ? file.bytes : siteStoryBytes);
    if (problems) { storyProblems(file ? file.name : 'The story', problems.split('\n').filter(Boolean)); return storyKey; }
    storyKey = key;
    story = file ? { id: '', text: '', shareable: false } : siteStory;
    if (window.explainerText) window.explainerText.forget();
    if (file) setTextView(false);
    showStoryTitle();
    return key;
  }
  window.addEventListener('beforeunload', (e) => {
    const file = storyKey !== 'site' && opened.get(storyKey);
    if (file && !file.kept) { e.preventDefault(); e.returnValue = ''; }   // it would be lost: ask first
  });
  // A story file the reader picks or drops: checked and shown here, in this
  // tab; nothing is uploaded. A broken one lists its problems and leaves the
  // story on screen as it was. A sound one gets a history entry of its own.
  function openStoryFile(file) {
    if (!program) { toast('The explainer is still loading'); return; }
    if (file.size > kMaxStoryBytes) {
      storyProblems(file.name, ['The file is ' + (file.size / MiB).toFixed(1) + ' MB; a story file may be at most ' + Math.round(kMaxStoryBytes / MiB) + ' MB.']);
      return;
    }
    file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      const problems = program.openStory(bytes);
      if (problems) { storyProblems(file.name, problems.split('\n').filter(Boolean)); return; }
      $('story-problems').hidden = true;
      storyKey = 'file:' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
      keepOpened(storyKey, file.name, bytes);
      story = { id: '', text: '', shareable: false };
      if (window.explainerText) window.explainerText.forget();
      setTextView(false);
      history.pushState(entry(), '', location.pathname + location.search);
      lastHash = '';
      program.openUrl('', false);
      showStoryTitle();
      toast('Opened ' + file.name);
    }, (e) => storyProblems(file.name, ['The file could not be read: ' + (e.message || e)]));
  }

  const page = {
    textUrl() { return storyChosen.then(() => story.text, () => story.text); },
    mirror(text) { $('mirror').textContent = text; },
    writeUrl(fragment, push) {
      lastHash = fragment;
      const url = location.pathname + location.search + fragment;
      if (push) history.pushState(entry(), '', url);
      else history.replaceState(entry(), '', url);
    },
    copyLink(stepId, title) {
      // The reader's own event copied this link already (copyNow): the
      // app's call, a frame later, only follows it.
      if (performance.now() - copiedInEvent < 1000) return;
      if (!story.shareable) { toast('A story opened from a file has no link to share'); return; }
      // Another of the site's stories: the page itself, with its ?story=.
      // The site's own: the step's preview page (s/<step-id>/, a
      // spoiler-safe card in chat apps), which opens the explainer; the
      // fragment only where it says more than the step. Never the page's own
      // query (an embed's ?embed=1).
      const url = story.id
        ? location.origin + location.pathname + '?story=' + encodeURIComponent(story.id) + (lastHash || '')
        : new URL('s/' + encodeURIComponent(stepId) + '/', location.origin + location.pathname).href +
          (lastHash && lastHash !== '#/' + stepId ? lastHash : '');
      const shown = () => {
        const box = $('linkbox');
        if (!box.classList.contains('show')) overlayReturn = document.activeElement;
        box.classList.add('show');
        $('link').value = url;
        $('link').select();
      };
      const copy = () => {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(() => toast('Link copied'), shown);
        else shown();
      };
      // Phones: the system's share sheet, where the browser has one.
      if (navigator.share && window.matchMedia && matchMedia('(pointer: coarse)').matches) {
        navigator.share({ title, url }).catch((e) => { if (!e || e.name !== 'AbortError') copy(); });
      } else {
        copy();
      }
    },
    firstFrame() {
      window.explainerFirstFrameMs = performance.now();
      const loading = $('loading');
      loading.classList.add('done');
      loading.removeAttribute('role');   // a finished status must not linger for screen readers
      setTimeout(() => loading.remove(), 400);
      startText(false);
    },
    readerState(state) {
      readerState = state;
      if (window.explainerText) window.explainerText.show(state);
    },
    saveTranscript(last) {
      startText(textOnly).then(() => window.explainerText.transcript(last)).then(({ name, text }) => {
        download(name, new Blob([text], { type: 'text/markdown' }));
      }, (e) => toast('The transcript could not be made: ' + (e.message || e)));
    },
    saveCanvas(name) {
      // Called in the frame that drew it: the drawing buffer is still readable.
      $('canvas').toBlob((blob) => { if (blob) download(name, blob); else toast('The image could not be saved'); }, 'image/png');
    },
    textOnly(reason) { showTextOnly(reason); },
    error(title, lines) { fail(title, lines); },
    placeSearch(x, y, w, h) {
      const box = $('search');
      if (!(w > 0)) { box.classList.remove('placed'); return; }   // the phone's map tools are closed
      Object.assign(box.style, { left: x + 'px', top: y + 'px', width: w + 'px', height: h + 'px' });
      box.classList.add('placed');
    },
    clearSearch() { $('search').value = ''; },
    // The program's API (web/exports_web.cpp), once its story is in. The
    // address bar's fragment goes to it now, as every later change will.
    ready(api) {
      program = api;
      window.explainerControls.connect(api, copyNow);
      Object.assign(window.explainer, api, {
        ready: true,
        search(query) {   // the page's field shows what is searched for
          $('search').value = String(query == null ? '' : query).slice(0, contract.limits.queryChars);
          api.search($('search').value);
        },
      });
      siteStory = story;
      // A reload (or a return) to an entry of a story opened from a file
      // reopens that story, if this tab still keeps it.
      const was = history.state && history.state.explainer ? history.state.story || 'site' : 'site';
      if (was !== 'site') {
        storyKey = switchStory(was);
        if (storyKey === was) toast('Reopened ' + openedStory(was).name);
      }
      history.replaceState(entry(), '', location.href);
      lastHash = location.hash;
      api.openUrl(location.hash, was !== 'site' && storyKey === was);
      showStoryTitle();
      if (storyNotice) toast(storyNotice, 8000);
      window.addEventListener('popstate', onUrl);
      window.addEventListener('hashchange', onUrl);
    },
  };
  // Copy link, inside the reader's click, tap or key press: Safari's engine
  // lets the clipboard and the share sheet be used only there, not in the
  // app's frame that follows.
  let copiedInEvent = -1e9;
  function copyNow() {
    if (!program || !readerState) return;
    copiedInEvent = -1e9;
    page.copyLink(readerState.step, document.title);   // what the app last said, as its own Copy link would
    copiedInEvent = performance.now();
  }
  page.controls = (json) => window.explainerControls.update(json);
  window.explainerPage = page;
  $('open-story').addEventListener('click', () => $('story-file').click());
  $('story-file').addEventListener('change', () => {
    const file = $('story-file').files[0];
    if (file) openStoryFile(file);
    $('story-file').value = '';
  });
  document.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    openStoryFile(file);
  });
  $('sp-close').addEventListener('click', closeOverlays);
  $('skip').addEventListener('click', () => { setTextView(true); $('text-version').focus(); });
  $('text-toggle').addEventListener('click', () => setTextView(!document.body.classList.contains('text-view')));
  $('tv-map').addEventListener('click', () => { setTextView(false); $('canvas').focus(); });
  if (typeof WebAssembly !== 'object') {
    showTextOnly('This browser cannot run WebAssembly.');
    return;
  }
  // Everything downloads at once: the program, its story and its font. These
  // fetches are the only requests for them (no <link rel=preload as=fetch>:
  // Safari's engine does not reuse a preloaded response for fetch() and
  // downloaded each file twice).
  const parts = [0, 0, 0];
  const show = () => progress((parts[0] * 6 + parts[1] + parts[2]) / 8);
  const files = Promise.all([
    fetchBytes('explainer.wasm', (f) => { parts[0] = f; show(); }),
    fetchStory((f) => { parts[1] = f; show(); }),
    fetchBytes('font.ttf', (f) => { parts[2] = f; show(); }),
  ]);
  // The program itself downloads alongside (it is preloaded from <head>); it
  // waits for the files in instantiateWasm below, and runs only after this
  // script has set up window.Module.
  const script = document.createElement('script');
  script.src = 'explainer.js';
  script.onerror = () => fail('The explainer could not start', ['explainer.js did not load.']);
  document.body.appendChild(script);
  // While those download and compile (off this thread), make the one WebGL2
  // context the app will draw with: creating it is the slowest part of the
  // start (hundreds of ms on a software GL), and here it overlaps the network
  // instead of following it. Same attributes as web/host_web.cpp asks
  // for, so the app is handed this very context. With no context at all the
  // page turns to its text version at once (the program is never started);
  // the app says so itself when its context cannot draw.
  // The drawing buffer gets its final size first (CSS size × pixel ratio,
  // as web/host_web.cpp computes it): resizing it later costs as much
  // as making it.
  const canvas = $('canvas'), box = canvas.getBoundingClientRect();
  const ratio = Math.min(contract.pixelRatio.max, Math.max(contract.pixelRatio.min, window.devicePixelRatio || 1));
  canvas.width = Math.max(1, Math.round(box.width * ratio));
  canvas.height = Math.max(1, Math.round(box.height * ratio));
  const glStart = performance.now();
  let gl = null;
  try {
    const { majorVersion, ...attributes } = contract.webgl;   // as web/host_web.cpp asks: it is handed this context
    gl = canvas.getContext('webgl' + majorVersion, attributes);
  } catch (e) { /* no WebGL2 */ }
  window.explainerGlInitMs = performance.now() - glStart;   // for the benchmarks
  if (!gl) showTextOnly('This browser has no WebGL2, or it is turned off.');
  // The drawing program's shaders (contract.json), compiled and linked now,
  // while the files download: on a software GL that is hundreds of ms, on the
  // GPU process's threads, which the program would otherwise wait for once it
  // runs. It adopts this one (web/host_web.cpp, js_take_program).
  let glProgram = null;
  if (gl) {
    try {
      gl.getExtension('KHR_parallel_shader_compile');   // the program asks "linked yet?" without waiting
      glProgram = gl.createProgram();
      for (const [type, lines] of [[gl.VERTEX_SHADER, contract.shaders.vertex], [gl.FRAGMENT_SHADER, contract.shaders.fragment]]) {
        const shader = gl.createShader(type);
        gl.shaderSource(shader, lines.join('\n'));
        gl.compileShader(shader);
        gl.attachShader(glProgram, shader);
        gl.deleteShader(shader);   // freed with the program
      }
      gl.linkProgram(glProgram);
    } catch (e) {
      glProgram = null;   // the program compiles its own
    }
  }
  let failed = false;
  files.catch((error) => {
    failed = true;
    if (textOnly) return;   // the text version needs none of these files
    fail('The explainer could not load its files', [String(error.message || error)], 'Check your connection and reload the page.');
  });

  // The app takes mousedown for itself, which stops the browser's own focus
  // change: focus the canvas by hand, so keys reach it (inside an embed too).
  // A press that begins and ends on Copy link copies in this very event.
  let downOnCopy = null;   // where a press on Copy link began
  const onCopyLink = (e) => {
    const r = $('canvas').getBoundingClientRect();
    return window.explainerControls.hit('Copy link', e.clientX - r.left, e.clientY - r.top);
  };
  $('canvas').addEventListener('pointerdown', (e) => {
    $('canvas').setAttribute('data-pointer', '');   // no keyboard focus outline for a press (page.css)
    $('canvas').focus({ preventScroll: true });
    downOnCopy = e.button === 0 && onCopyLink(e) ? { x: e.clientX, y: e.clientY } : null;
  });
  $('canvas').addEventListener('blur', () => $('canvas').removeAttribute('data-pointer'));
  $('canvas').addEventListener('pointerup', (e) => {   // not a drag that scrolled the panel
    if (downOnCopy && Math.hypot(e.clientX - downOnCopy.x, e.clientY - downOnCopy.y) < 6 && onCopyLink(e)) copyNow();
    downOnCopy = null;
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeOverlays(); });
  $('link').addEventListener('blur', () => { $('linkbox').classList.remove('show'); overlayReturn = null; });
  // The search field's text goes to the app as a string; it is matched, never shown as HTML.
  $('search').addEventListener('input', () => {
    if (program) program.search($('search').value);
  });
  $('search').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { $('search').value = ''; $('search').dispatchEvent(new Event('input')); $('canvas').focus(); }
  });

  function onUrl() {
    const fromHistory = !!(history.state && history.state.explainer);
    const key = fromHistory ? history.state.story || 'site' : storyKey;   // a typed fragment stays in this story
    if (location.hash === lastHash && key === storyKey) return;
    lastHash = location.hash;
    if (key !== storyKey && switchStory(key) !== key) history.replaceState(entry(), '', location.href);
    window.explainer.openUrl(location.hash, fromHistory);
  }

  // A fault inside the program (a WebAssembly trap: a bug of ours, in a frame
  // or in an event it was handed) ends it there: no more frames, a map frozen
  // without a word. The reader goes on in the text version, at the step the
  // address names, which is the one that was on screen.
  const onFault = (error) => {
    if (textOnly || !window.WebAssembly || !(error instanceof WebAssembly.RuntimeError)) return;
    showTextOnly('The map stopped on an error (' + error.message + ').',
                 'Reloading the page may bring it back; meanwhile this is the whole explainer as text, from the step you were on.');
  };
  window.addEventListener('error', (e) => onFault(e.error));
  window.addEventListener('unhandledrejection', (e) => onFault(e.reason));

  // The public API, for embedding and tests: the program hands over its
  // functions (web/exports_web.cpp) through page.ready() once its story is in.
  window.explainer = { ready: false };
  window.Module = {
    canvas: $('canvas'),
    glProgram,
    print() {},
    printErr(text) { if (/error|abort/i.test(text)) console.warn(text); },
    onAbort(what) { fail('The explainer stopped unexpectedly', [String(what)]); },
    instantiateWasm(imports, done) {
      if (textOnly) return {};   // no WebGL2: the text version stands in, the program never runs
      files.then(([wasm, story, font]) => {
        siteStoryBytes = story;   // kept: Back from a story opened from a file returns to it
        window.explainerStartup = Object.assign(window.explainerStartup || {}, { files: performance.now() });
        Module.storyBytes = story;
        Module.fontBytes = font;
        return WebAssembly.instantiate(wasm, imports);
      }).then((r) => done(r.instance, r.module),
              (e) => { if (!failed && !textOnly) fail('The explainer could not start', [String(e)]); });
      return {};
    },
  };

  window.explainerLoadStartedMs = started;
})();
