using OneStop.Licensing.Applications;

namespace OneStop.Licensing.Tests.Domain;

public sealed class AnswerRulesTests
{
    private static FieldTerms Field(FieldKind kind, bool required = true, params string[] choices) => new("f", "ฟ", "F", kind, required, choices);

    [Theory]
    [InlineData("Number", "120", true)]
    [InlineData("Number", "12.5", true)]
    [InlineData("Number", "-1", false)]
    [InlineData("Number", "๑๒๐", false)]
    [InlineData("Number", "1e3", false)]
    [InlineData("YesNo", "yes", true)]
    [InlineData("YesNo", "true", false)]
    [InlineData("Date", "2026-12-31", true)]
    [InlineData("Date", "31/12/2569", false)]
    [InlineData("Date", "2026-02-30", false)]
    [InlineData("Text", "ร้านข้าวแกง", true)]
    public void Check_AcceptsOnlyValuesOfTheFieldsKind(string kind, string value, bool fits)
        => Assert.Equal(fits, AnswerRules.Check(Field(Enum.Parse<FieldKind>(kind)), value) is null);

    [Fact]
    public void Check_AChoiceIsOneOfItsChoices_AndTextHasALimit()
    {
        Assert.Null(AnswerRules.Check(Field(FieldKind.Choice, true, "shop", "stall"), "stall"));
        Assert.NotNull(AnswerRules.Check(Field(FieldKind.Choice, true, "shop", "stall"), "kiosk"));
        Assert.NotNull(AnswerRules.Check(Field(FieldKind.Text), new string('ก', AnswerRules.MaxTextLength + 1)));
    }

    [Fact]
    public void UnionOf_AsksASharedQuestionOnce_RequiredWhenAnyLicenceRequiresIt()
    {
        var food = new LicenceTerms("food", "อาหาร", "Food", "A",
            [new FieldTerms("seats", "ที่นั่ง", "Seats", FieldKind.Number, false, []), new FieldTerms("area", "พื้นที่", "Area", FieldKind.Number, true, [])],
            [new DocumentTerms("plan", "แบบแปลน", "Plan", false, null)], []);
        var liquor = new LicenceTerms("liquor", "สุรา", "Liquor", "B",
            [new FieldTerms("seats", "ที่นั่ง", "Seats", FieldKind.Number, true, [])],
            [new DocumentTerms("plan", "แบบแปลน", "Plan", true, null)], []);
        var fields = AnswerRules.UnionOf([food, liquor]);
        Assert.Equal(["seats", "area"], fields.Select(f => f.Key));
        Assert.True(fields[0].Required);
        Assert.True(Assert.Single(AnswerRules.DocumentsOf([food, liquor])).Required);
    }

    [Fact]
    public void ApplicationNumbers_AreReadable_AndInTheBuddhistEra()
    {
        var number = ApplicationNumbers.New(new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc));
        Assert.Matches("^BIZ-2569-[2-9A-HJKMNP-TV-Z]{8}$", number);
        Assert.NotEqual(number, ApplicationNumbers.New(new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc)));
    }
}
