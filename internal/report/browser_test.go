package report

import (
	"bytes"
	"cmp"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chromium finds a Chromium or Chrome to run headless. Without one the
// browser tests skip, unless SQLHEAT_INTEGRATION is set (CI installs
// Debian's chromium), where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs a browser")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("SQLHEAT_INTEGRATION") != "" {
		t.Fatal("no chromium found (apt-get install chromium)")
	}
	t.Skip("no chromium found")
	return ""
}

// runChromium runs the browser headless on page with a fresh profile and
// no network of its own, with extra flags, and returns what it printed.
func runChromium(t *testing.T, bin, page string, flags ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
	}, flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// browserScript plays a reader on the demo's page, after the page's own
// script: it sorts the route table by rate and then by queries per minute
// with the header buttons, opens one route's query list, filters out
// selectstar, presses a copy button, and writes down what it saw in
// data- attributes of <body>. It also measures the contrast of the text
// it can see against its background, in whatever color scheme the browser
// is in.
const browserScript = `<script>
(function () {
  var body = document.body, table = document.getElementById("route-table");
  function names() {
    return Array.prototype.map.call(table.tBodies, function (b) { return b.dataset.name; }).join("|");
  }
  function click(sel) { document.querySelector(sel).click(); }
  body.dataset.initial = names();
  click('#route-table button[data-sort="rate"]');
  body.dataset.byRate = names();
  click('#route-table button[data-sort="qpm"]');
  body.dataset.byQpm = names();
  click('#route-table button[data-sort="qpm"]');
  body.dataset.byQpmAsc = names();
  click('#route-table button[data-sort="qpm"]');
  click('#route-6 button.expand');
  document.querySelector('form.filters input[value="selectstar"]').click();
  click('.index-card button.copy');
  body.dataset.dark = String(matchMedia("(prefers-color-scheme: dark)").matches);

  // WCAG contrast of each visible text element against the first opaque
  // background behind it.
  function rgb(s) { var m = s.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; }
  function lum(c) {
    function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  }
  function background(el) {
    for (; el; el = el.parentElement) {
      var c = rgb(getComputedStyle(el).backgroundColor);
      if (c.a > 0.5 && getComputedStyle(el).backgroundImage === "none") { return c; }
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor);
  }
  var worst = 21, what = "";
  document.querySelectorAll("body *").forEach(function (el) {
    if (!el.offsetParent && el !== body) { return; }
    var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.data.trim() !== ""; });
    if (!own) { return; }
    var fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
    var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < worst) { worst = ratio; what = el.tagName.toLowerCase() + "." + el.className + ": " + el.textContent.trim().slice(0, 40); }
  });
  body.dataset.contrast = worst.toFixed(2);
  body.dataset.contrastWorst = what;
})();
</script>`

// The demo's page in a real browser: its script runs without error, the
// route table sorts by each column, a route opens its query list, the
// filters hide findings, and the text keeps its contrast in light and
// dark color schemes. Screenshots of both are left in the test's
// temporary directory (-test.v prints where).
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	r := loadFixture(t, "demo")
	page := writeHTML(t, r, demoHTMLOptions)
	dir := t.TempDir()
	plain := filepath.Join(dir, "report.html")
	if err := os.WriteFile(plain, page, 0o644); err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	scripted := filepath.Join(dir, "scripted.html")
	if err := os.WriteFile(scripted, slices.Concat(page[:i], []byte(browserScript), page[i:]), 0o644); err != nil {
		t.Fatal(err)
	}

	// The routes, as each sort should leave them: the page starts by
	// queries per minute, then rate, then queries per request, then name;
	// a sort by a column keeps the page's order among ties.
	initial := slices.Clone(r.Routes)
	slices.SortStableFunc(initial, func(a, b Route) int {
		return cmp.Or(cmp.Compare(b.QueriesPerMin(), a.QueriesPerMin()), cmp.Compare(b.Rate, a.Rate),
			cmp.Compare(b.QueriesPerRequest.AtOneItem(), a.QueriesPerRequest.AtOneItem()),
			strings.Compare(routeName(a.Method, a.Pattern), routeName(b.Method, b.Pattern)))
	})
	order := func(by func(a, b Route) int) string {
		rs := slices.Clone(initial)
		slices.SortStableFunc(rs, by)
		var names []string
		for _, rt := range rs {
			names = append(names, routeName(rt.Method, rt.Pattern))
		}
		return strings.Join(names, "|")
	}
	byQPM := order(func(a, b Route) int { return cmp.Compare(b.QueriesPerMin(), a.QueriesPerMin()) })
	byRate := order(func(a, b Route) int { return cmp.Compare(b.Rate, a.Rate) })
	byQPMAsc := order(func(a, b Route) int { return cmp.Compare(a.QueriesPerMin(), b.QueriesPerMin()) })
	if byQPM == byQPMAsc || byQPM == byRate {
		t.Fatal("the demo's routes do not tell the sorts apart")
	}

	for _, scheme := range []struct {
		name  string
		flags []string
	}{{"light", nil}, {"dark", []string{"--force-dark-mode"}}} {
		t.Run(scheme.name, func(t *testing.T) {
			shot := filepath.Join(dir, "report-"+scheme.name+".png")
			runChromium(t, bin, plain, append(scheme.flags, "--window-size=1280,1600", "--screenshot="+shot)...)
			f, err := os.Open(shot)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 1600 {
				t.Errorf("screenshot is %v", b)
			}
			t.Logf("screenshot: %s", shot)

			dom := runChromium(t, bin, scripted, append(scheme.flags, "--virtual-time-budget=3000", "--dump-dom")...)
			doc, err := html.Parse(bytes.NewReader(dom))
			if err != nil {
				t.Fatal(err)
			}
			body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
			if body == nil || attr(body, "data-by-qpm") == "" {
				t.Fatalf("the test's script did not run; DOM:\n%s", dom)
			}
			if box := byID(doc, "script-errors"); box == nil || textOf(box) != "" {
				t.Fatalf("script error: %s", textOf(box))
			}
			if got, want := attr(body, "data-dark"), strconv.FormatBool(scheme.name == "dark"); got != want {
				t.Fatalf("prefers-color-scheme: dark is %s, want %s", got, want)
			}
			for _, c := range []struct{ attr, want string }{
				{"data-initial", byQPM},
				{"data-by-rate", byRate},
				{"data-by-qpm", byQPM},
				{"data-by-qpm-asc", byQPMAsc},
			} {
				if got := attr(body, c.attr); got != c.want {
					t.Errorf("%s:\n got %s\nwant %s", c.attr, got, c.want)
				}
			}
			// The final DOM: sorted by queries per minute, descending.
			table := byID(doc, "route-table")
			var names []string
			for _, b := range all(table, func(n *html.Node) bool { return n.DataAtom == atom.Tbody }) {
				names = append(names, attr(b, "data-name"))
			}
			if got := strings.Join(names, "|"); got != byQPM {
				t.Errorf("route table after the sorts:\n got %s\nwant %s", got, byQPM)
			}
			sorted := find(table, func(n *html.Node) bool { return n.DataAtom == atom.Th && attr(n, "aria-sort") != "" })
			if !strings.Contains(textOf(sorted), "Queries/min") || attr(sorted, "aria-sort") != "descending" {
				t.Errorf("sorted column %q %s", textOf(sorted), attr(sorted, "aria-sort"))
			}
			// One route's query list open, the others closed.
			for k, rt := range r.Routes {
				list := byID(doc, routeID(k)+"-queries")
				open := !slices.ContainsFunc(list.Attr, func(a html.Attribute) bool { return a.Key == "hidden" })
				if want := routeName(rt.Method, rt.Pattern) == "GET /customers/{id}/orders"; open != want {
					t.Errorf("%s: query list open %v, want %v", routeName(rt.Method, rt.Pattern), open, want)
				}
				if open && len(all(list, hasClass("query"))) != len(rt.Queries) {
					t.Errorf("%s: %d queries in the open list, want %d", routeName(rt.Method, rt.Pattern), len(all(list, hasClass("query"))), len(rt.Queries))
				}
			}
			// selectstar filtered out.
			for _, card := range all(doc, hasClass("finding")) {
				hidden := slices.ContainsFunc(card.Attr, func(a html.Attribute) bool { return a.Key == "hidden" })
				if want := attr(card, "data-check") == "selectstar"; hidden != want {
					t.Errorf("%s (%s): hidden %v", attr(card, "id"), attr(card, "data-check"), hidden)
				}
			}
			if got := textOf(byID(doc, "findings-shown")); got != "Showing 7 of 9 findings." {
				t.Errorf("filter count %q", got)
			}
			t.Logf("lowest text contrast %s (%s)", attr(body, "data-contrast"), attr(body, "data-contrast-worst"))
			// AA contrast for text: 4.5:1.
			if c, err := strconv.ParseFloat(attr(body, "data-contrast"), 64); err != nil || c < 4.5 {
				t.Errorf("lowest text contrast %s (%s), want at least 4.5", attr(body, "data-contrast"), attr(body, "data-contrast-worst"))
			}
		})
	}
}
