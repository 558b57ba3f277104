using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.Web.Tests.Pages;

/// <summary>Every page says where its scripts and styles may come from, and holds no inline script or style that the policy would block.</summary>
public sealed partial class ContentSecurityPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Agencies")]
    [InlineData("/Agencies/Holidays")]
    [InlineData("/Identity/Account/SignIn")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/no-such-page")]
    public async Task APage_HasAStrictPolicy_AndNothingInlineItWouldBlock(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(InlineStyle().Matches(html));
    }

    [Fact]
    public async Task AnApiAnswer_HasThePolicyToo()
    {
        var response = await app.CreateClient().GetAsync("/api/agencies/holidays?year=2026");

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[\\s>]|\\sstyle=\"|\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
