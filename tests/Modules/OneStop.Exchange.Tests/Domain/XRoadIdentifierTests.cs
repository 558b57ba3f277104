using OneStop.Exchange.Gateway;

namespace OneStop.Exchange.Tests.Domain;

public sealed class XRoadIdentifierTests
{
    [Fact]
    public void ParseClient_FourParts_GivesTheParts()
    {
        var (parts, problem) = XRoadIdentifier.ParseClient("TH/GOV/DEMO/counter");
        Assert.Null(problem);
        Assert.Equal(["TH", "GOV", "DEMO", "counter"], Assert.IsType<string[]>(parts));
    }

    [Fact]
    public void ParseClient_ThreeParts_GivesTheMember()
    {
        var (parts, problem) = XRoadIdentifier.ParseClient("TH/GOV/DBD");
        Assert.Null(problem);
        Assert.Equal(["TH", "GOV", "DBD"], Assert.IsType<string[]>(parts));
    }

    [Theory]
    [InlineData("TH/GOV/DEMO/counter/extra")]
    [InlineData("TH/GOV")]
    [InlineData("TH")]
    public void ParseClient_WrongNumberOfParts_IsAProblem(string header)
    {
        var (parts, problem) = XRoadIdentifier.ParseClient(header);
        Assert.Null(parts);
        Assert.Contains(header, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TH/GOV/DEMO/count*er")]
    [InlineData("TH/GOV/DE MO/counter")]
    [InlineData("TH/GOV/DEMO/counter;drop")]
    [InlineData("TH/GOV/DEMO/<script>")]
    [InlineData("TH/GOV//counter")]
    [InlineData("TH/GOV/DE%2FMO/counter")]
    [InlineData("TH/GOV/%E0%B8%81/counter")]
    public void ParseClient_BadCharactersOrEmptyPart_IsAProblem(string header)
    {
        var (parts, problem) = XRoadIdentifier.ParseClient(header);
        Assert.Null(parts);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseClient_Missing_ProblemSaysTheHeaderIsMissing(string? header)
    {
        var (parts, problem) = XRoadIdentifier.ParseClient(header);
        Assert.Null(parts);
        Assert.Contains("missing", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseClient_PercentEncodedParts_AreDecoded()
    {
        var (parts, problem) = XRoadIdentifier.ParseClient("TH/GOV/DEMO/count%65r%3D1");
        Assert.Null(problem);
        Assert.Equal(["TH", "GOV", "DEMO", "counter=1"], Assert.IsType<string[]>(parts));
    }

    [Theory]
    [InlineData("population")]
    [InlineData("card-check")]
    [InlineData("A.B'(1)+,=?")]
    public void IsValidPart_AllowedCharacters_IsValid(string part) => Assert.True(XRoadIdentifier.IsValidPart(part));

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("a%20b")]
    [InlineData("ก")]
    public void IsValidPart_OtherCharacters_IsInvalid(string part) => Assert.False(XRoadIdentifier.IsValidPart(part));

    [Fact]
    public void IsValidPart_LongerThan100_IsInvalid()
    {
        Assert.True(XRoadIdentifier.IsValidPart(new string('a', 100)));
        Assert.False(XRoadIdentifier.IsValidPart(new string('a', 101)));
    }

    [Theory]
    [InlineData("COM/0105999000016", true)]
    [InlineData("0105999000016", true)]
    [InlineData("GOV/DBD", true)]
    [InlineData("TH/COM/0105999000016", false)]
    [InlineData("COM/", false)]
    [InlineData("COM/01059 99", false)]
    [InlineData("COM/a;b", false)]
    public void IsRepresentedParty_FollowsPrRest(string header, bool valid)
        => Assert.Equal(valid, XRoadIdentifier.IsRepresentedParty(header));
}
