using System.Globalization;
using System.Text.Json;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.SharedKernel.Tests.Identifiers;

public sealed class ThaiCitizenIdTests
{
    private sealed record Holder(ThaiCitizenId Id);

    [Theory]
    [InlineData("1999900000013")]
    [InlineData("1-9999-00000-01-3")]
    [InlineData("1 9999 00000 01 3")]
    public void Parse_PlainDashedOrSpaced_GivesTheSameId(string input)
    {
        var id = ThaiCitizenId.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal("1999900000013", id.Value);
        Assert.Equal("1-9999-00000-01-3", id.Formatted);
        Assert.Equal("1999900000013", id.ToString());
        Assert.Equal(ThaiCitizenId.Parse("1999900000013", CultureInfo.InvariantCulture), id);
    }

    [Theory]
    [InlineData("0105999000016")] // a juristic-person ID with a correct check digit
    [InlineData("0000000000001")]
    public void Check_ValidChecksumStartingWith0_IsNotACitizenId(string input)
        => Assert.Equal(ThaiIdProblem.NotACitizenId, ThaiCitizenId.Check(input));

    [Fact]
    public void Check_ValidChecksumStartingWith9_IsNotACitizenId()
    {
        var nine = ThaiIdChecksum.Complete("999990000001");

        Assert.Equal(ThaiIdProblem.None, ThaiIdChecksum.Check(nine));
        Assert.Equal(ThaiIdProblem.NotACitizenId, ThaiCitizenId.Check(nine));
        Assert.False(ThaiCitizenId.TryParse(nine, out _));
    }

    [Fact]
    public void Check_Null_IsWrongLength()
    {
        Assert.Equal(ThaiIdProblem.WrongLength, ThaiCitizenId.Check(null));
        Assert.False(ThaiCitizenId.TryParse(null, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [InlineData("1999900000014", "check digit")]
    [InlineData("199990000001", "13 digits")]
    [InlineData("19999A0000013", "digits only")]
    [InlineData("0105999000016", "does not start with 0 or 9")]
    public void Parse_Invalid_ThrowsFormatExceptionSayingWhy(string input, string because)
    {
        var ex = Assert.Throws<FormatException>(() => ThaiCitizenId.Parse(input, CultureInfo.InvariantCulture));

        Assert.Contains(because, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EveryProblem_HasAMessageAndNoneHasNone()
    {
        foreach (var problem in Enum.GetValues<ThaiIdProblem>())
        {
            var message = ThaiCitizenId.Describe(problem);
            Assert.Equal(problem == ThaiIdProblem.None, message.Length == 0);
        }
    }

    [Fact]
    public void Default_ToString_IsEmptyNotNull()
        => Assert.Equal(string.Empty, default(ThaiCitizenId).ToString());

    [Fact]
    public void Json_RoundTrip_WritesThe13DigitsAndReadsThemBack()
    {
        var holder = new Holder(ThaiCitizenId.Parse("3999904567898", CultureInfo.InvariantCulture));

        var json = JsonSerializer.Serialize(holder);

        Assert.Equal("""{"Id":"3999904567898"}""", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }

    [Fact]
    public void Json_DashedForm_IsAcceptedOnInput()
    {
        var holder = JsonSerializer.Deserialize<Holder>("""{"Id":"1-9999-00000-01-3"}""");

        Assert.NotNull(holder);
        Assert.Equal("1999900000013", holder.Id.Value);
    }

    [Theory]
    [InlineData("""{"Id":"1999900000014"}""", "check digit")]
    [InlineData("""{"Id":"19999000000"}""", "13 digits")]
    [InlineData("""{"Id":""}""", "13 digits")]
    [InlineData("""{"Id":"19999A0000013"}""", "digits only")]
    [InlineData("""{"Id":"0105999000016"}""", "does not start with 0 or 9")]
    public void Json_InvalidId_ThrowsJsonExceptionSayingWhy(string json, string because)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json));

        Assert.Contains(because, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Id":1999900000013}""")]
    [InlineData("""{"Id":null}""")]
    [InlineData("""{"Id":true}""")]
    public void Json_NotAString_ThrowsJsonException(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json));
}
