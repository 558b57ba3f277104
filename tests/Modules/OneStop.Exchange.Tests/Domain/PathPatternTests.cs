using OneStop.Exchange.Gateway;

namespace OneStop.Exchange.Tests.Domain;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/*", "/1999900000013")]
    [InlineData("/pet/*", "/pet/42")]
    [InlineData("/pet/*/photos", "/pet/42/photos")]
    public void SingleStar_OneSegment_Matches(string pattern, string path)
        => Assert.True(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/*", "/")]
    [InlineData("/*", "/a/b")]
    [InlineData("/pet/*", "/pet")]
    [InlineData("/pet/*", "/pet/42/photos")]
    public void SingleStar_NoneOrSeveralSegments_DoesNotMatch(string pattern, string path)
        => Assert.False(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/**", "/")]
    [InlineData("/**", "/a")]
    [InlineData("/**", "/a/b/c")]
    [InlineData("/pet/**", "/pet")]
    [InlineData("/pet/**", "/pet/42/photos/1")]
    [InlineData("/pet/**/photos", "/pet/photos")]
    [InlineData("/pet/**/photos", "/pet/42/x/photos")]
    public void DoubleStar_AnyNumberOfSegmentsIncludingNone_Matches(string pattern, string path)
        => Assert.True(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/pet/**", "/owner/1")]
    [InlineData("/pet/**/photos", "/pet/42/x")]
    [InlineData("/pet/**/photos", "/pet/42/photos/1")]
    public void DoubleStar_OtherPrefixOrSuffix_DoesNotMatch(string pattern, string path)
        => Assert.False(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/pet/findByStatus", "/pet/findByStatus")]
    public void Literal_SamePath_Matches(string pattern, string path)
        => Assert.True(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/", "/pet")]
    [InlineData("/pet/findByStatus", "/pet/findbystatus")]
    [InlineData("/pet/findByStatus", "/pet/findByStatus/x")]
    [InlineData("/pet/findByStatus", "/pet")]
    [InlineData("/pet", "/petx")]
    public void Literal_OtherPath_DoesNotMatch(string pattern, string path)
        => Assert.False(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/**", "/a/../b")]
    [InlineData("/**", "/..")]
    [InlineData("/**", "/./a")]
    [InlineData("/public/**", "/public/../admin")]
    [InlineData("/public/*/x", "/public/./x")]
    [InlineData("/a/..", "/a/..")]
    public void DotSegments_AnyPattern_AreRefused(string pattern, string path)
        => Assert.False(PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("/*", "/1999900000013/")]
    [InlineData("/pet", "/pet/")]
    [InlineData("/pet/", "/pet")]
    [InlineData("/pet/*", "/pet/42/")]
    public void TrailingSlash_IsTheSamePath(string pattern, string path)
        => Assert.True(PathPattern.Matches(pattern, path));

    [Fact]
    public void TrailingSlash_DoesNotMakeAnEmptySegment()
        => Assert.False(PathPattern.Matches("/pet/*", "/pet/"));
}
