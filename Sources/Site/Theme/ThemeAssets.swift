/// The site's CSS and JavaScript, compiled into the binary so an installed `kb` needs no files
/// beside it. A `theme/` folder in the guides root overrides them by name (`theme/kb.css`).
public enum ThemeAssets {
    /// File names under `assets/` in the built site.
    public static let names = ["kb.css", "site.js"]

    /// The built-in text of `name`.
    public static func builtIn(_ name: String) -> [UInt8] {
        switch name {
        case "kb.css": return Array(styleSheet.utf8)
        case "site.js": return Array(siteScript.utf8)
        default: return []
        }
    }

    /// The asset as it will ship: `root/theme/name` when that file exists inside the root (a
    /// symbolic link leading out of it is ignored), else built in.
    public static func contents(_ name: String, root: String) throws(SiteError) -> [UInt8] {
        let override = root + "/theme/" + name
        if SiteFiles.kind(override) == .file, SiteFiles.isInside(override, root: root) {
            return try SiteFiles.read(override)
        }
        return builtIn(name)
    }

    /// Sets the theme before the first paint, so a dark-mode reader never sees a white flash.
    static let themeBootstrap =
        #"<script>try{var t=localStorage.getItem("kb-theme");if(t==="dark"||t==="light")document.documentElement.setAttribute("data-theme",t)}catch(e){}</script>"#

    /// Polls the dev server and reloads when the site was rebuilt; `kb serve` adds it to pages
    /// it serves, never to the built files.
    public static let liveReload =
        #"<script>(function(){var v=null;setInterval(function(){fetch("/__kb/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(v===null)v=t;else if(t!==v)location.reload()}).catch(function(){})},700)})();</script>"#
}
