using System.Text;
using Microsoft.Extensions.Primitives;
using OneStop.Exchange.Contracts;
using OneStop.Exchange.Gateway;

namespace OneStop.Exchange.Tests.Domain;

/// <summary>Whose personal data a request is about, for the legal basis and the person's list of reads.</summary>
public sealed class DataSubjectTests
{
    private static string? Of(string path, string body = "", string? contentType = null)
        => ExchangeGateway.DataSubjectOf(path, Encoding.UTF8.GetBytes(body), contentType);

    [Theory]
    [InlineData("/persons/1999900000013", "1999900000013")]
    [InlineData("/persons/1999900000013/house", "1999900000013")]
    [InlineData("/persons/1999900000014", null)] // bad checksum: nobody's ID
    [InlineData("/companies/0105999000016", null)] // a juristic person, not a citizen
    [InlineData("/", null)]
    public void Path_NamesTheCitizen(string path, string? expected) => Assert.Equal(expected, Of(path));

    [Theory]
    [InlineData("""{"citizenId":"1999900000021","laser":"YO0000000000"}""", "application/json", "1999900000021")]
    [InlineData("""{"citizenId":"1999900000021"}""", "application/json; charset=utf-8", "1999900000021")]
    [InlineData("""{"citizenId":"1999900000021"}""", "text/plain", null)]
    [InlineData("""{"citizenId":"1999900000022"}""", "application/json", null)]
    [InlineData("""{"citizenId":1999900000021}""", "application/json", null)]
    [InlineData("""[{"citizenId":"1999900000021"}]""", "application/json", null)]
    [InlineData("""{"citizenId":"1999900000021""", "application/json", null)]
    [InlineData("not json", "application/json", null)]
    public void JsonBody_NamesTheCitizenInItsCitizenId(string body, string contentType, string? expected)
        => Assert.Equal(expected, Of("/", body, contentType));

    [Fact]
    public void PathAndBody_ThePathWins()
        => Assert.Equal("1999900000013", Of("/persons/1999900000013", """{"citizenId":"1999900000021"}""", "application/json"));

    [Fact]
    public void DisclosedSubjects_ValidDistinctCitizenIdsFromEveryValueOfTheHeader_WhateverItsCase()
    {
        IEnumerable<KeyValuePair<string, StringValues>> headers =
        [
            KeyValuePair.Create("x-onestop-data-subjects", new StringValues(["1999900000013, 1999900000014", " ,1999900000021"])),
            KeyValuePair.Create("Content-Type", new StringValues("1999900001036")),
            KeyValuePair.Create(ExchangeProviderHeaders.DataSubjects, new StringValues("1999900000013,0105999000016,1999900001036")),
        ];

        Assert.Equal(["1999900000013", "1999900000021", "1999900001036"], ExchangeGateway.DisclosedSubjects(headers));
    }

    [Fact]
    public void DisclosedSubjects_NoHeader_IsNobody() => Assert.Empty(ExchangeGateway.DisclosedSubjects([KeyValuePair.Create("X-Other", new StringValues("1999900000013"))]));
}
