extension ThemeAssets {
    /// `assets/kb.css`: the whole look, light and dark, phone to desktop, and print.
    static let styleSheet = #"""
        /* kb theme: system fonts, CSS variables for light and dark, no external resources. */
        :root {
          --bg: #ffffff; --bg-soft: #f6f7f9; --bg-code: #f3f4f6; --fg: #1d2026; --fg-muted: #5b6270;
          --border: #e3e6eb; --accent: #3949ab; --accent-soft: #e8eaf6; --accent-fg: #ffffff;
          --mark: #fff3b0; --shadow: 0 6px 24px rgba(15, 20, 40, .14);
          --header-h: 3.5rem; --sidebar-w: 16.5rem; --toc-w: 13.5rem; --content-w: 47rem;
          --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
          --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
          color-scheme: light;
        }
        :root[data-theme="dark"] {
          --bg: #1b1e26; --bg-soft: #22262f; --bg-code: #2a2f3a; --fg: #e3e6ec; --fg-muted: #a2a9b7;
          --border: #343a46; --accent: #9fa8ff; --accent-soft: #2c3150; --accent-fg: #14161c;
          --mark: #5a4d12; --shadow: 0 6px 24px rgba(0, 0, 0, .5);
          color-scheme: dark;
        }
        @media (prefers-color-scheme: dark) {
          :root:not([data-theme="light"]) {
            --bg: #1b1e26; --bg-soft: #22262f; --bg-code: #2a2f3a; --fg: #e3e6ec; --fg-muted: #a2a9b7;
            --border: #343a46; --accent: #9fa8ff; --accent-soft: #2c3150; --accent-fg: #14161c;
            --mark: #5a4d12; --shadow: 0 6px 24px rgba(0, 0, 0, .5);
            color-scheme: dark;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; scroll-padding-top: calc(var(--header-h) + 1rem); }
        body {
          margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.65 var(--font);
          text-rendering: optimizeLegibility; -webkit-font-smoothing: antialiased;
        }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        a:not([href]) { color: inherit; }
        /* Links in running text are underlined, not told apart by colour alone (WCAG 1.4.1). */
        .content :is(p, td, dd, blockquote) a[href], :is(.guide, .qa) :is(ol, ul):not(.tags) > li a[href] {
          text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: .15em;
        }
        :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
        .skip-link { position: absolute; left: -999px; top: .5rem; z-index: 100; background: var(--accent); color: var(--accent-fg); padding: .5rem 1rem; border-radius: 4px; }
        .skip-link:focus { left: .5rem; }

        /* Header */
        .topbar {
          position: sticky; top: 0; z-index: 20; height: var(--header-h); display: flex; align-items: center; gap: .75rem;
          padding: 0 1rem; background: var(--accent); color: var(--accent-fg);
          box-shadow: 0 1px 0 rgba(0,0,0,.08), 0 2px 6px rgba(0,0,0,.08);
        }
        :root[data-theme="dark"] .topbar { background: #262b38; color: var(--fg); }
        @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) .topbar { background: #262b38; color: var(--fg); } }
        .brand { color: inherit; font-weight: 650; font-size: 1.1rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .brand:hover { text-decoration: none; opacity: .9; }
        .icon-button {
          display: inline-grid; place-items: center; width: 2.5rem; height: 2.5rem; flex: none; border: 0; border-radius: 50%;
          background: transparent; color: inherit; cursor: pointer; padding: 0;
        }
        .icon-button:hover { background: rgba(255,255,255,.14); }
        .icon-button svg { width: 1.35rem; height: 1.35rem; fill: currentColor; }
        .nav-toggle { display: none; }
        .search-form { position: relative; margin-left: auto; width: min(26rem, 45vw); }
        .search-input {
          width: 100%; height: 2.25rem; border: 0; border-radius: 6px; padding: 0 2.2rem 0 .8rem; font: inherit; font-size: .95rem;
          background: rgba(255,255,255,.16); color: inherit;
        }
        .search-input::placeholder { color: inherit; opacity: .75; }
        .search-input:focus { background: var(--bg); color: var(--fg); outline: none; box-shadow: var(--shadow); }
        .search-input:focus::placeholder { color: var(--fg-muted); }
        .search-key {
          position: absolute; right: .55rem; top: .45rem; font: .75rem/1 var(--mono); padding: .2rem .4rem; border-radius: 4px;
          border: 1px solid rgba(255,255,255,.45); background: none; color: inherit; opacity: .8; pointer-events: none;
        }
        .search-input:focus + .search-key { display: none; }
        .search-popup {
          position: absolute; top: calc(100% + .35rem); right: 0; width: min(34rem, 92vw); max-height: 70vh; overflow: auto;
          background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 8px; box-shadow: var(--shadow);
          padding: .35rem;
        }
        .search-popup[hidden] { display: none; }
        .search-popup .search-all { display: block; padding: .5rem .6rem; font-size: .9rem; border-top: 1px solid var(--border); margin-top: .25rem; }

        /* Layout */
        .layout {
          display: grid; grid-template-columns: var(--sidebar-w) minmax(0, 1fr) var(--toc-w);
          max-width: 92rem; margin: 0 auto; align-items: start;
        }
        .layout.no-toc { grid-template-columns: var(--sidebar-w) minmax(0, 1fr); }
        .sidebar, .toc {
          position: sticky; top: var(--header-h); max-height: calc(100vh - var(--header-h)); overflow-y: auto;
          padding: 1.5rem 1rem 2rem; font-size: .9rem; scrollbar-width: thin;
        }
        .sidebar ul, .toc ul { list-style: none; margin: 0; padding: 0; }
        .nav-group { margin-bottom: 1.1rem; }
        .nav-group-title { display: block; font-weight: 650; color: var(--fg); padding: .2rem .6rem; }
        .nav-group-title:hover { text-decoration: none; color: var(--accent); }
        .nav-count { color: var(--fg-muted); font-weight: 400; font-size: .8rem; margin-left: .3rem; }
        .nav-group ul a { display: block; padding: .28rem .6rem; border-radius: 5px; color: var(--fg-muted); line-height: 1.35; }
        .nav-group ul a:hover { background: var(--bg-soft); color: var(--fg); text-decoration: none; }
        .nav-group ul a[aria-current="page"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
        .nav-more { margin: .3rem .6rem 0; font-size: .85rem; }
        .content { min-width: 0; padding: 1.75rem 2.5rem 3rem; }
        .content > * { max-width: var(--content-w); }
        .toc-title { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--fg-muted); margin: 0 0 .6rem; }
        .toc a { display: block; padding: .22rem 0 .22rem .75rem; color: var(--fg-muted); border-left: 2px solid var(--border); line-height: 1.35; }
        .toc a:hover { color: var(--accent); border-left-color: var(--accent); text-decoration: none; }
        .toc .toc-3 a { padding-left: 1.5rem; font-size: .85rem; }
        .toc a.active { color: var(--accent); border-left-color: var(--accent); font-weight: 550; }

        /* Content typography */
        .breadcrumbs ol { list-style: none; margin: 0 0 1rem; padding: 0; display: flex; flex-wrap: wrap; font-size: .85rem; color: var(--fg-muted); }
        .breadcrumbs li + li::before { content: "›"; margin: 0 .45rem; color: var(--fg-muted); }
        .breadcrumbs li + li { margin-top: 0; }
        .breadcrumbs a { color: var(--fg-muted); }
        article h1, .content > h1 { font-size: 2.1rem; line-height: 1.2; font-weight: 700; letter-spacing: -.015em; margin: 0 0 .6rem; }
        article h2 { font-size: 1.45rem; line-height: 1.3; margin: 2.2rem 0 .7rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); font-weight: 650; }
        article h3 { font-size: 1.17rem; margin: 1.8rem 0 .5rem; font-weight: 650; }
        article h4, article h5, article h6 { font-size: 1rem; margin: 1.5rem 0 .4rem; }
        .permalink { margin-left: .4rem; color: var(--fg-muted); opacity: 0; font-weight: 400; text-decoration: none; }
        h1:hover .permalink, h2:hover .permalink, h3:hover .permalink, h4:hover .permalink, h5:hover .permalink,
        h6:hover .permalink, .permalink:focus { opacity: 1; }
        .lead { font-size: 1.12rem; color: var(--fg-muted); margin: 0 0 1.2rem; }
        p, ul, ol, dl, blockquote, pre { margin: 0 0 1rem; }
        li > p { margin-bottom: .4rem; }
        li + li { margin-top: .2rem; }
        blockquote { margin-left: 0; padding: .6rem 1rem; border-left: 4px solid var(--accent); background: var(--bg-soft); border-radius: 0 6px 6px 0; color: var(--fg); }
        blockquote > :last-child { margin-bottom: 0; }
        code, kbd, pre { font-family: var(--mono); font-size: .875em; }
        kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: .05em .4em; background: var(--bg-soft); }
        :not(pre) > code { background: var(--bg-code); padding: .12em .35em; border-radius: 4px; overflow-wrap: anywhere; }
        pre { position: relative; background: var(--bg-code); padding: .85rem 1rem; border-radius: 8px; overflow-x: auto; line-height: 1.5; }
        pre code { font-size: .85rem; }
        .copy-button {
          position: absolute; top: .4rem; right: .4rem; font: .75rem var(--font); padding: .2rem .5rem; border-radius: 4px;
          border: 1px solid var(--border); background: var(--bg); color: var(--fg-muted); cursor: pointer; opacity: 0;
        }
        pre:hover .copy-button, .copy-button:focus { opacity: 1; }
        img { max-width: 100%; height: auto; }
        hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
        table { border-collapse: collapse; display: block; overflow-x: auto; }
        th, td { border: 1px solid var(--border); padding: .4rem .7rem; }
        .page-meta { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .9rem; margin: 0 0 1.4rem; font-size: .85rem; color: var(--fg-muted); }
        .tags { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; margin: 0; padding: 0; }
        .tags li + li { margin: 0; }
        .tags a { display: inline-block; padding: .05rem .6rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-size: .8rem; }
        .tags a:hover { text-decoration: none; filter: brightness(.97); }
        .page-footer { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--border); font-size: .85rem; color: var(--fg-muted); }
        .pager { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-top: 1.5rem; }
        .pager a { display: block; padding: .75rem 1rem; border: 1px solid var(--border); border-radius: 8px; color: var(--fg); }
        .pager a:hover { border-color: var(--accent); text-decoration: none; }
        .pager .next { text-align: right; grid-column: 2; }
        .pager small { display: block; color: var(--fg-muted); font-size: .78rem; }

        /* Home, section and questions pages */
        .hero { padding: .5rem 0 1rem; }
        .hero p { font-size: 1.1rem; color: var(--fg-muted); margin: 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; max-width: none; margin: 1rem 0 2rem; }
        .card { border: 1px solid var(--border); border-radius: 10px; padding: 1rem 1.2rem; background: var(--bg); }
        .card h3 { margin: 0 0 .5rem; font-size: 1.05rem; }
        .card ul { list-style: none; padding: 0; margin: 0; font-size: .92rem; }
        .card li { margin: .25rem 0; }
        .card .more { margin: .6rem 0 0; font-size: .85rem; }
        .guide-list { list-style: none; padding: 0; columns: 16rem; column-gap: 2rem; }
        .guide-list li { break-inside: avoid; margin: 0 0 .5rem; }
        .guide-list .summary { display: block; color: var(--fg-muted); font-size: .88rem; line-height: 1.4; }
        .question-list { padding-left: 1.2rem; }
        .qa { border-top: 1px solid var(--border); padding-top: .4rem; }
        .qa h3 { margin-top: 1rem; }
        .qa h3 a { color: var(--fg); }
        .qa .source { font-size: .85rem; color: var(--fg-muted); }
        .section-intro { color: var(--fg-muted); }

        /* Search results */
        .search-page-form { display: flex; gap: .5rem; margin: 0 0 1.5rem; }
        .search-page-form input {
          flex: 1; height: 2.75rem; font: inherit; padding: 0 1rem; border-radius: 8px; border: 1px solid var(--border);
          background: var(--bg); color: var(--fg);
        }
        .search-page-form input:focus { outline: 2px solid var(--accent); border-color: transparent; }
        .search-page-form button { height: 2.75rem; padding: 0 1.2rem; border: 0; border-radius: 8px; background: var(--accent); color: var(--accent-fg); font: inherit; cursor: pointer; }
        .results, .results ul { list-style: none; margin: 0; padding: 0; }
        .result-group { margin: 0 0 .9rem; }
        .result-guide { display: block; font-weight: 650; padding: .35rem .6rem; border-radius: 6px; }
        .result-group ul { border-left: 2px solid var(--border); margin-left: .6rem; }
        .result-item { display: block; padding: .35rem .75rem; border-radius: 0 6px 6px 0; color: var(--fg); }
        .result-item:hover, .result-item:focus, .result-guide:hover, .result-guide:focus { background: var(--accent-soft); text-decoration: none; }
        .result-kind { display: inline-block; font-size: .68rem; text-transform: uppercase; letter-spacing: .05em; color: var(--accent); border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; margin-right: .45rem; vertical-align: .1em; }
        .result-title { font-weight: 550; }
        .result-snippet { display: block; color: var(--fg-muted); font-size: .85rem; line-height: 1.45; overflow: hidden; text-overflow: ellipsis; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
        .search-status { color: var(--fg-muted); font-size: .9rem; }

        /* Narrower screens: the table of contents goes, then the sidebar becomes a drawer. */
        @media (max-width: 76rem) {
          .layout, .layout.no-toc { grid-template-columns: var(--sidebar-w) minmax(0, 1fr); }
          .toc { display: none; }
        }
        @media (max-width: 60rem) {
          .layout, .layout.no-toc { grid-template-columns: minmax(0, 1fr); }
          .nav-toggle { display: inline-grid; }
          .sidebar {
            position: fixed; z-index: 30; top: var(--header-h); left: 0; bottom: 0; width: min(20rem, 85vw); max-height: none;
            background: var(--bg); border-right: 1px solid var(--border); box-shadow: var(--shadow);
            transform: translateX(-105%); transition: transform .2s ease; visibility: hidden;
          }
          .nav-open .sidebar { transform: none; visibility: visible; }
          .content { padding: 1.25rem 1.1rem 2.5rem; }
          article h1, .content > h1 { font-size: 1.7rem; }
          .topbar { gap: .4rem; padding: 0 .5rem; }
          .search-form { width: auto; flex: 1 1 8rem; min-width: 6rem; }
          .search-input { padding-right: .8rem; }
          .search-key { display: none; }
          .brand { flex: 0 1 auto; min-width: 0; font-size: 1rem; }
        }
        @media (prefers-reduced-motion: reduce) { .sidebar { transition: none; } }

        /* Print: the content alone, every answer shown, links spelled out. */
        @media print {
          :root { --bg: #fff; --fg: #000; --fg-muted: #333; --bg-code: #f4f4f4; --bg-soft: #f4f4f4; --border: #bbb; --accent: #000; }
          .topbar, .sidebar, .toc, .pager, .skip-link, .permalink, .copy-button, .search-page-form, .nav-toggle,
          .breadcrumbs { display: none !important; }
          h1 a, h2 a, h3 a { text-decoration: none; }
          .layout, .layout.no-toc { display: block; }
          .content { padding: 0; }
          .content > * { max-width: none; }
          body { font-size: 11pt; }
          a { color: #000; text-decoration: underline; }
          article a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
          pre { white-space: pre-wrap; border: 1px solid #ccc; }
          h2, h3 { break-after: avoid; }
          pre, blockquote, .qa { break-inside: avoid; }
          details > * { display: block !important; }
        }
        """#
}
