using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OneStop.BrowserTests;

/// <summary>What every page must pass (axe, no sideways scrolling), and screenshots to look at afterwards.</summary>
internal static class PageChecks
{
    public static async Task AssertAccessibleAndFitsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name what sticks out, so that a failure says what to fix: the outermost boxes past the
            // edge, and the innermost elements whose content (long unbreakable text) overflows them.
            var culprits = await page.EvaluateAsync<string[]>("""
                () => {
                    const width = document.documentElement.clientWidth + 1;
                    const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''}`;
                    // A scrolling ancestor holds its content in, except what is absolutely positioned against something outside it (roughly: anything absolute).
                    const clipped = e => { if (getComputedStyle(e).position === 'absolute') return false; for (let a = e.parentElement; a; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
                    const boxes = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width && !clipped(e))
                        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right >= e.getBoundingClientRect().right - 1 && !clipped(c)))
                        .map(e => `${e.parentElement ? name(e.parentElement) + ' > ' : ''}${name(e)} (${Math.round(e.getBoundingClientRect().width)} px)`);
                    const overflows = e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible';
                    const texts = [...document.querySelectorAll('body *')]
                        .filter(e => overflows(e) && ![...e.children].some(overflows))
                        .map(e => `${name(e)} (${e.scrollWidth} px in ${e.clientWidth} px: "${e.textContent.trim().slice(0, 60)}")`);
                    return [...boxes, ...texts].slice(0, 8);
                }
                """);
            Assert.Fail($"the page is {overflow} px too wide: {string.Join(", ", culprits)}");
        }
    }

    /// <summary>
    /// A table on a narrow screen: no sideways scrolling, and in every row each cell is shown under its column's
    /// label (the header row is hidden, so each cell carries its column's name), none hidden.
    /// </summary>
    public static async Task AssertTableStacksAsync(IPage page, string table)
    {
        await AssertAccessibleAndFitsAsync(page);
        var rows = await page.EvaluateAsync<string[][]>("""
            selector => {
                const table = document.querySelector(selector);
                const labels = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
                return [...table.querySelectorAll('tbody tr')].map(tr => [...tr.children].map((td, i) => {
                    const box = td.getBoundingClientRect();
                    if (getComputedStyle(td).display === 'none' || box.width === 0 || box.right > document.documentElement.clientWidth + 1) return `column ${i + 1} (${labels[i]}) is hidden or cut off`;
                    const shown = getComputedStyle(td, '::before').content.replace(/^"|"$/g, '');
                    const header = table.querySelector('thead').getBoundingClientRect();
                    return shown === labels[i] || (header.height > 1 && getComputedStyle(table.querySelector('thead')).display !== 'none') ? 'ok' : `column ${i + 1} shows "${shown}", not "${labels[i]}"`;
                }));
            }
            """, table);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.All(row, cell => Assert.Equal("ok", cell));
        }
    }

    /// <summary>
    /// Waits until the browser shows the page at <paramref name="path"/>, fully loaded. Playwright's WaitForURL
    /// ends in a wait for the load event that checks, then subscribes, and can miss a load that arrives in
    /// between (CI runs waited minutes on pages long loaded), so the page itself is asked, by polling.
    /// </summary>
    public static Task WaitForPathAsync(IPage page, string path, float? timeout = null)
        => page.WaitForFunctionAsync("path => location.pathname === path && document.readyState === 'complete'", path, new() { Timeout = timeout, PollingInterval = 100 });

    /// <summary>
    /// Waits for the answer to a form post: an element only the answer shows (the page posted from has the same
    /// address), then that answer fully loaded, asked of the page by polling for the reason given above.
    /// </summary>
    public static async Task WaitForAnswerAsync(IPage page, string selector)
    {
        await page.Locator(selector).First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 100 });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
