using System.Globalization;
using System.Text.Json;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.SharedKernel.Tests.Identifiers;

public sealed class JuristicPersonIdTests
{
    private sealed record Holder(JuristicPersonId Id);

    [Theory]
    [InlineData("0105999000016", "0-10-5-999-00001-6")]
    [InlineData("0-10-5-999-00001-6", "0-10-5-999-00001-6")]
    [InlineData("0 10 3 999 00002 2", "0-10-3-999-00002-2")]
    public void Parse_PlainDashedOrSpaced_GivesDbdGrouping(string input, string formatted)
    {
        var id = JuristicPersonId.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal(formatted, id.Formatted);
        Assert.Equal(formatted.Replace("-", string.Empty, StringComparison.Ordinal), id.Value);
        Assert.Equal(id.Value, id.ToString());
    }

    [Theory]
    [InlineData("010299900001", JuristicPersonKind.OrdinaryPartnership)]
    [InlineData("010399900002", JuristicPersonKind.LimitedPartnership)]
    [InlineData("010599900001", JuristicPersonKind.CompanyLimited)]
    [InlineData("010799900003", JuristicPersonKind.PublicCompanyLimited)]
    [InlineData("099199900001", JuristicPersonKind.Other)]
    [InlineData("010099900001", JuristicPersonKind.Other)]
    public void Kind_FourthDigit_GivesTheJuristicPersonType(string first12, JuristicPersonKind expected)
        => Assert.Equal(expected, JuristicPersonId.Parse(ThaiIdChecksum.Complete(first12), CultureInfo.InvariantCulture).Kind);

    [Fact]
    public void Check_ValidCitizenId_IsNotAJuristicId()
    {
        Assert.Equal(ThaiIdProblem.NotAJuristicId, JuristicPersonId.Check("1999900000013"));
        Assert.False(JuristicPersonId.TryParse("1999900000013", out _));
    }

    [Theory]
    [InlineData(null, ThaiIdProblem.WrongLength)]
    [InlineData("010599900001", ThaiIdProblem.WrongLength)]
    [InlineData("01059990000A6", ThaiIdProblem.NotDigits)]
    [InlineData("0105999000017", ThaiIdProblem.BadCheckDigit)]
    [InlineData("0105999000016", ThaiIdProblem.None)]
    public void Check_Candidate_ReportsTheProblem(string? input, ThaiIdProblem expected)
        => Assert.Equal(expected, JuristicPersonId.Check(input));

    [Theory]
    [InlineData("0105999000017", "check digit")]
    [InlineData("1999900000013", "starts with 0")]
    public void Parse_Invalid_ThrowsFormatExceptionSayingWhy(string input, string because)
    {
        var ex = Assert.Throws<FormatException>(() => JuristicPersonId.Parse(input, CultureInfo.InvariantCulture));

        Assert.Contains(because, ex.Message, StringComparison.Ordinal);
        Assert.Contains("juristic-person ID", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrip_WritesThe13DigitsAndReadsThemBack()
    {
        var holder = new Holder(JuristicPersonId.Parse("0107999000034", CultureInfo.InvariantCulture));

        var json = JsonSerializer.Serialize(holder);

        Assert.Equal("""{"Id":"0107999000034"}""", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }

    [Fact]
    public void Json_DashedForm_IsAcceptedOnInput()
    {
        var holder = JsonSerializer.Deserialize<Holder>("""{"Id":"0-10-3-999-00002-2"}""");

        Assert.NotNull(holder);
        Assert.Equal("0103999000022", holder.Id.Value);
        Assert.Equal(JuristicPersonKind.LimitedPartnership, holder.Id.Kind);
    }

    [Theory]
    [InlineData("""{"Id":"0105999000017"}""", "check digit")]
    [InlineData("""{"Id":"1999900000013"}""", "starts with 0")]
    [InlineData("""{"Id":"010599900001"}""", "13 digits")]
    [InlineData("""{"Id":"0105999O00016"}""", "digits only")]
    public void Json_InvalidId_ThrowsJsonExceptionSayingWhy(string json, string because)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json));

        Assert.Contains(because, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Id":105999000016}""")]
    [InlineData("""{"Id":null}""")]
    public void Json_NotAString_ThrowsJsonException(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json));
}
