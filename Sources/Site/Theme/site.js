(function () {
  "use strict";
  var doc = document.documentElement;
  var root = doc.getAttribute("data-root") || "";
  var body = document.body;

  /* Theme: the system's unless the reader chose, remembered in localStorage. */
  function currentTheme() {
    var t = doc.getAttribute("data-theme");
    if (t) return t;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var themeButton = document.querySelector(".theme-toggle");
  function labelTheme() {
    if (themeButton) themeButton.setAttribute("aria-pressed", currentTheme() === "dark" ? "true" : "false");
  }
  if (themeButton) {
    labelTheme();
    themeButton.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      doc.setAttribute("data-theme", next);
      try { localStorage.setItem("kb-theme", next); } catch (e) {}
      labelTheme();
    });
  }

  /* Navigation drawer on narrow screens. */
  var navButton = document.querySelector(".nav-toggle");
  function setNav(open) {
    body.classList.toggle("nav-open", open);
    if (navButton) navButton.setAttribute("aria-expanded", open ? "true" : "false");
  }
  if (navButton) {
    navButton.addEventListener("click", function () { setNav(!body.classList.contains("nav-open")); });
  }

  /* Table of contents: mark the section being read (the last heading above the top third). */
  var tocLinks = document.querySelectorAll(".toc a[href^='#']"), spied = [];
  for (var t = 0; t < tocLinks.length; t++) {
    var target = document.getElementById(decodeURIComponent(tocLinks[t].getAttribute("href").slice(1)));
    if (target) spied.push({ heading: target, link: tocLinks[t] });
  }
  var spyQueued = false;
  function spy() {
    spyQueued = false;
    var line = window.innerHeight / 3, current = spied[0];
    for (var i = 0; i < spied.length; i++) {
      if (spied[i].heading.getBoundingClientRect().top <= line) current = spied[i]; else break;
    }
    for (var k = 0; k < spied.length; k++) spied[k].link.classList.toggle("active", spied[k] === current);
  }
  if (spied.length) {
    window.addEventListener("scroll", function () {
      if (!spyQueued) { spyQueued = true; window.requestAnimationFrame(spy); }
    }, { passive: true });
    spy();
  }

  /* Copy buttons on code blocks. */
  if (navigator.clipboard) {
    var blocks = document.querySelectorAll("article pre");
    for (var b = 0; b < blocks.length; b++) {
      (function (pre) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy-button";
        button.textContent = "Copy";
        button.addEventListener("click", function () {
          var code = pre.querySelector("code");
          navigator.clipboard.writeText((code || pre).textContent).then(function () {
            button.textContent = "Copied";
            setTimeout(function () { button.textContent = "Copy"; }, 1500);
          });
        });
        pre.appendChild(button);
      })(blocks[b]);
    }
  }

  /* Search engine, loaded on first use. */
  var engineState = 0, waiting = [];
  function loadScript(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () { done(null, s); };
    s.onerror = function () { done(new Error("cannot load " + src), s); };
    document.head.appendChild(s);
  }
  function withEngine(callback) {
    if (engineState === 2) { callback(); return; }
    waiting.push(callback);
    if (engineState === 1) return;
    engineState = 1;
    loadScript(root + "search-index.js", function () {
      loadScript(root + "search-engine.js", function () {
        engineState = 2;
        var list = waiting; waiting = [];
        for (var i = 0; i < list.length; i++) list[i]();
      });
    });
  }
  /* The query's meaning, when the index holds word vectors (KBSearch.hasVectors(): sites with
     FAQ entries or sections). The first search loads the query embedder (wordllama.js) and, for
     each query, only the parts of the word-vector table its tokens need: part-N.js, a script
     that stores its base64 bytes in KB_WORDLLAMA_PARTS[N] (fetch does not work from file://).
     Both paths are SitePlan's (wordVectorScript, wordVectorPart). Results show at once from the
     words; `use(vector)` runs later, once the vector is there, and never when anything failed,
     so a missing part leaves the word results as they are. */
  var embedderLoad = null, partLoads = {};
  function loadPart(n) {
    if (!partLoads[n]) {
      partLoads[n] = new Promise(function (resolve, reject) {
        loadScript(root + "assets/wordllama/part-" + n + ".js", function (error, script) {
          if (script.parentNode) script.parentNode.removeChild(script);
          var parts = window.KB_WORDLLAMA_PARTS, text = parts && parts[n];
          if (parts) delete parts[n];
          if (error || typeof text !== "string") { reject(error || new Error("no word vector part " + n)); return; }
          try {
            var binary = atob(text), bytes = new Uint8Array(binary.length);
            for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
            resolve(bytes);
          } catch (e) { reject(e); }
        });
      });
    }
    return partLoads[n];
  }
  function withQueryVector(query, use) {
    try {
      if (!window.Promise || !window.KBSearch.hasVectors || !window.KBSearch.hasVectors()) return;
    } catch (e) { return; }
    if (!query.replace(/\s+/g, "")) return;
    if (!embedderLoad) {
      embedderLoad = new Promise(function (resolve, reject) {
        loadScript(root + "assets/wordllama/wordllama.js", function (error) {
          if (error || !window.KBWordLlama) { reject(error || new Error("no query embedder")); return; }
          resolve(window.KBWordLlama.open(loadPart));
        });
      });
    }
    embedderLoad.then(function (model) { return model.embed(query); })
      .then(function (vector) { if (vector) use(vector); })
      .then(null, function () {});
  }
  /* The hits related to the query (a score cut against the best hit, RankingParameters'
     relatedScoreFraction, or its fused share when `vector` was used), with the query's terms
     for highlighting and "Did you mean" queries. `vector`: the query's, or none for words alone. */
  function runSearch(query, limit, vector) {
    var none = { hits: [], terms: {}, suggestions: [] };
    if (!window.KBSearch || !query.replace(/\s+/g, "")) return none;
    try {
      var engine = window.KBSearch, hits = engine.related(engine.search(query, limit, vector) || []);
      return { hits: hits, terms: engine.queryTerms(query), suggestions: engine.suggestions(query, 1, true) };
    } catch (e) { return none; }
  }
  /* Guide text is hostile: it only ever becomes text nodes, the matched words wrapped in <mark>. */
  function appendMarked(parent, text, terms) {
    var ranges = [];
    try { ranges = window.KBSearch.highlights(text, terms); } catch (e) { ranges = []; }
    var at = 0;
    for (var i = 0; i < ranges.length; i++) {
      if (ranges[i][0] > at) parent.appendChild(document.createTextNode(text.slice(at, ranges[i][0])));
      parent.appendChild(el("mark", null, text.slice(ranges[i][0], ranges[i][1])));
      at = ranges[i][1];
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }
  function marked(tag, className, text, terms) { return appendMarked(el(tag, className), text || "", terms); }
  /* "Did you mean <a>…</a>?" for a query with words the guides do not have: the link re-runs
     the search with `rerun`, and its href is the results page for readers who open it anew. */
  function renderSuggestion(line, suggestions, rerun) {
    line.textContent = "";
    line.hidden = suggestions.length === 0;
    if (!suggestions.length) return;
    var suggestion = suggestions[0], link = el("a", "search-suggestion-link", suggestion);
    link.href = root + "search.html?q=" + encodeURIComponent(suggestion);
    link.addEventListener("click", function (e) { e.preventDefault(); rerun(suggestion); });
    line.appendChild(document.createTextNode("Did you mean "));
    line.appendChild(link);
    line.appendChild(document.createTextNode("?"));
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }
  var kindNames = { faq: "FAQ", section: "Section", guide: "Page" };
  /* Results grouped by guide page (its URL: a guide's own hit has no guide title, its
     sections do): the guide links to its page, sub-results to questions and sections. */
  function renderResults(list, results, terms) {
    list.textContent = "";
    var groups = [], byGuide = {};
    for (var i = 0; i < results.length; i++) {
      var r = results[i], key = r.url.split("#")[0];
      if (!byGuide[key]) { byGuide[key] = { title: r.guide || r.title, url: r.url.split("#")[0], items: [] }; groups.push(byGuide[key]); }
      if (r.kind === "guide") { byGuide[key].url = r.url; byGuide[key].title = r.title || byGuide[key].title; byGuide[key].snippet = r.snippet; }
      else byGuide[key].items.push(r);
    }
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g], li = el("li", "result-group");
      var head = marked("a", "result-guide", group.title, terms);
      head.href = root + group.url;
      head.setAttribute("data-kind", "guide");
      li.appendChild(head);
      if (group.items.length) {
        var ul = el("ul");
        for (var k = 0; k < group.items.length; k++) {
          var item = group.items[k], sub = el("li"), a = el("a", "result-item");
          a.href = root + item.url;
          a.setAttribute("data-kind", item.kind);
          a.appendChild(el("span", "result-kind", kindNames[item.kind] || item.kind));
          a.appendChild(marked("span", "result-title", item.title, terms));
          if (item.snippet) a.appendChild(marked("span", "result-snippet", item.snippet, terms));
          sub.appendChild(a);
          ul.appendChild(sub);
        }
        li.appendChild(ul);
      }
      list.appendChild(li);
    }
  }
  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }
  function moveFocus(container, step) {
    var links = container.querySelectorAll("a[href]");
    if (!links.length) return;
    var index = Array.prototype.indexOf.call(links, document.activeElement);
    var next = index + step;
    if (next < 0) { headerInput && headerInput.focus(); return; }
    links[Math.min(next, links.length - 1)].focus();
  }

  /* The header's search box: live results under it; Enter opens search.html?q=. */
  var headerInput = document.querySelector(".search-input");
  var popup = document.querySelector(".search-popup");
  if (headerInput && popup) {
    var popupSuggestion = el("p", "search-suggestion");
    var popupList = el("ul", "results");
    var allLink = el("a", "search-all");
    popupSuggestion.hidden = true;
    popup.appendChild(popupSuggestion);
    popup.appendChild(popupList);
    popup.appendChild(allLink);
    var showPopup = function (q, vector) {
      var found = runSearch(q, 8, vector), results = found.hits;
      renderResults(popupList, results, found.terms);
      renderSuggestion(popupSuggestion, found.suggestions, function (suggestion) {
        headerInput.value = suggestion;
        headerInput.focus();
        update();
      });
      allLink.href = root + "search.html?q=" + encodeURIComponent(q);
      allLink.textContent = results.length ? "All results for “" + q + "”" : "No quick match: search everything for “" + q + "”";
    };
    var update = debounce(function () {
      var q = headerInput.value;
      if (!q.replace(/\s+/g, "")) { popup.hidden = true; return; }
      withEngine(function () {
        showPopup(q);
        popup.hidden = false;
        /* Ranked again with the meaning, unless the reader typed on or is already moving
           through the results. */
        withQueryVector(q, function (vector) {
          if (headerInput.value === q && !popup.contains(document.activeElement)) showPopup(q, vector);
        });
      });
    }, 80);
    headerInput.addEventListener("focus", function () { withEngine(function () {}); });
    headerInput.addEventListener("input", update);
    headerInput.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && !popup.hidden) { e.preventDefault(); moveFocus(popup, 1); }
      if (e.key === "Escape") { popup.hidden = true; headerInput.blur(); }
    });
    popup.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); moveFocus(popup, 1); }
      if (e.key === "ArrowUp") { e.preventDefault(); moveFocus(popup, -1); }
      if (e.key === "Escape") { popup.hidden = true; headerInput.focus(); }
    });
    document.addEventListener("click", function (e) {
      if (!popup.contains(e.target) && e.target !== headerInput) popup.hidden = true;
    });
  }

  /* search.html: results for ?q=, updated as the reader types. */
  var pageInput = document.getElementById("search-query");
  var pageResults = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (pageInput && pageResults) {
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (match) {
      try { pageInput.value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { pageInput.value = match[1]; }
    }
    var pageSuggestion = el("p", "search-suggestion");
    pageSuggestion.hidden = true;
    pageResults.parentNode.insertBefore(pageSuggestion, pageResults);
    var showPage = function (q, vector) {
      var found = runSearch(q, 50, vector), results = found.hits;
      renderResults(pageResults, results, found.terms);
      /* "fused" once the query's meaning ranked these results, "words" before. */
      pageResults.setAttribute("data-ranking", results.length && results[0].fused ? "fused" : "words");
      renderSuggestion(pageSuggestion, found.suggestions, function (suggestion) {
        pageInput.value = suggestion;
        show();
      });
      if (status) {
        var text = !q.replace(/\s+/g, "") ? "Type a question or a few words." :
          results.length ? results.length + (results.length === 1 ? " result" : " results") + " for “" + q + "”." :
          "Nothing found for “" + q + "”. Try other words.";
        /* Unchanged text is not set again, so a screen reader does not announce it twice. */
        if (status.textContent !== text) status.textContent = text;
      }
    };
    var show = function () {
      var q = pageInput.value;
      withEngine(function () {
        showPage(q);
        if (window.history && history.replaceState) {
          history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : window.location.pathname);
        }
        withQueryVector(q, function (vector) {
          if (pageInput.value === q && !pageResults.contains(document.activeElement)) showPage(q, vector);
        });
      });
    };
    pageInput.addEventListener("input", debounce(show, 60));
    show();
  }

  /* Keyboard: "/" focuses search, Escape closes the drawer. */
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    var typing = tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var target = pageInput || headerInput;
      if (target) { e.preventDefault(); target.focus(); target.select(); }
    }
    if (e.key === "Escape" && body.classList.contains("nav-open")) setNav(false);
  });
})();
