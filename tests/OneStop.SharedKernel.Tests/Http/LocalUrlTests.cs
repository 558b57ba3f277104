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
    [InlineData("evil", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyPathsOfThisSite_AreLocal(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));
}
