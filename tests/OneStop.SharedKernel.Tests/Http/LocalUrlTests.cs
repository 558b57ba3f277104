using OneStop.SharedKernel.Http;

namespace OneStop.SharedKernel.Tests.Http;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/Exchange/MyData?x=1", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("/%09/evil.example/", false)]
    [InlineData("/\t/evil.example/", false)]
    [InlineData("/%0A/evil.example/", false)]
    [InlineData("/%5Cevil.example/", false)]
    [InlineData("/%2F%2Fevil.example/", false)]
    [InlineData("/%2Fevil.example/", false)]
    [InlineData("/Exchange\\MyData", false)]
    [InlineData("/Identity/Account?returnUrl=%2FExchange%2FMyData", true)]
    [InlineData("/search?q=a%20b", true)]
    [InlineData("evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyPathsOfThisSite_AreLocal(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));
}
