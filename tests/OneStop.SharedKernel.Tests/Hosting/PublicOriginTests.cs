using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OneStop.SharedKernel.Hosting;

namespace OneStop.SharedKernel.Tests.Hosting;

public sealed class PublicOriginTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "OneStop.Web";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(string? origin)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PublicOrigin.Key] = origin }).Build();

    [Fact]
    public void Production_WithoutAnOrigin_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PublicOrigin.From(Settings(null), new Environment("Production")));

        Assert.Contains(PublicOrigin.Key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void DevelopmentAndTests_WithoutAnOrigin_UseLocalhost(string environment)
        => Assert.Equal("http://localhost:5080", PublicOrigin.From(Settings(null), new Environment(environment)).Value);

    [Theory]
    [InlineData("https://onestop.example.go.th", "https://onestop.example.go.th/Identity/Account")]
    [InlineData("https://onestop.example.go.th/", "https://onestop.example.go.th/Identity/Account")]
    [InlineData("https://onestop.example.go.th:8443", "https://onestop.example.go.th:8443/Identity/Account")]
    public void AConfiguredOrigin_MakesTheLinks(string origin, string link)
        => Assert.Equal(link, PublicOrigin.From(Settings(origin), new Environment("Production")).Link("/Identity/Account"));

    [Theory]
    [InlineData("onestop.example.go.th")]
    [InlineData("ftp://onestop.example.go.th")]
    [InlineData("https://onestop.example.go.th/onestop")]
    [InlineData("https://onestop.example.go.th/?next=evil")]
    [InlineData("https://user@onestop.example.go.th")]
    public void AnOriginThatIsNotJustSchemeAndHost_RefusesToStart(string origin)
        => Assert.Throws<InvalidOperationException>(() => PublicOrigin.From(Settings(origin), new Environment("Development")));
}
