using OneStop.Notifications.Contracts;
using OneStop.Notifications.Data;
using OneStop.Notifications.Sending;
using OneStop.Notifications.Templates;

namespace OneStop.Notifications.Tests.Templates;

public sealed class NotificationTemplateTests
{
    [Fact]
    public void Render_InEachLanguage_PutsTheValuesInTheirPlaces()
    {
        var thai = TestTemplates.StatusChanged.Render("th", TestTemplates.Values("LC-2569-000123"));
        var english = TestTemplates.StatusChanged.Render("en", TestTemplates.Values("LC-2569-000123", "approved"));

        Assert.Equal("คำขอ LC-2569-000123 เปลี่ยนสถานะ", thai.Subject);
        Assert.StartsWith("คำขอเลขที่ LC-2569-000123 ของคุณอยู่ในสถานะ \"อนุมัติ\" แล้ว", thai.Body, StringComparison.Ordinal);
        Assert.EndsWith("/applications/LC-2569-000123", thai.Body, StringComparison.Ordinal);
        Assert.Equal("Application LC-2569-000123 changed", english.Subject);
        Assert.StartsWith("Your application LC-2569-000123 is now \"approved\".", english.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueLooksLikeAPlaceholder_IsTakenLiterally()
    {
        var text = TestTemplates.StatusChanged.Render("en", TestTemplates.Values("{status}", "{applicationNumber}"));

        Assert.Equal("Application {status} changed", text.Subject);
        Assert.StartsWith("Your application {status} is now \"{applicationNumber}\".", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DoubledBraces_AreLiteralBraces()
    {
        var template = new NotificationTemplate("tests.braces", new("ก {{x}} {n}", "ข"), new("a {{x}} {n}", "b }}"));

        Assert.Equal("a {x} 1", template.Render("en", new Dictionary<string, string> { ["n"] = "1" }).Subject);
        Assert.Equal("b }", template.Render("en", new Dictionary<string, string> { ["n"] = "1" }).Body);
        Assert.Equal(["n"], template.Placeholders);
    }

    [Fact]
    public void Render_MissingValue_ThrowsNamingThePlaceholder()
    {
        var values = new Dictionary<string, string> { ["applicationNumber"] = "LC-1" };

        var error = Assert.Throws<ArgumentException>(() => TestTemplates.StatusChanged.Render("th", values));

        Assert.Contains("{status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("tests.status-changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueWithoutPlaceholder_ThrowsNamingIt()
    {
        var values = TestTemplates.Values("LC-1");
        values["applicationNumbr"] = "typo";

        var error = Assert.Throws<ArgumentException>(() => TestTemplates.StatusChanged.Render("en", values));

        Assert.Contains("{applicationNumbr}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownLanguage_Throws()
        => Assert.Throws<ArgumentException>(() => TestTemplates.StatusChanged.Render("fr", TestTemplates.Values("LC-1")));

    [Fact]
    public void Constructor_PlaceholderInOneLanguageOnly_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new NotificationTemplate(
            "tests.mismatch", new("คำขอ {applicationNumber}", "ครบกำหนด {dueDate}"), new("Application {applicationNumber}", "Due soon")));

        Assert.Contains("only in Thai: {dueDate}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Application {applicationNumber")]
    [InlineData("Application {}")]
    [InlineData("Application {1st}")]
    [InlineData("Application {application number}")]
    [InlineData("Application }")]
    public void Constructor_MalformedPlaceholder_Throws(string subject)
    {
        var error = Assert.Throws<ArgumentException>(() => new NotificationTemplate("tests.malformed", new("คำขอ", "ข้อความ"), new(subject, "Text")));

        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ไทย")]
    public void Constructor_BadKey_Throws(string key)
        => Assert.Throws<ArgumentException>(() => new NotificationTemplate(key, new("ก", "ข"), new("a", "b")));

    [Fact]
    public void Constructor_EmptyBodyOrSubjectOnTwoLines_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NotificationTemplate("tests.empty", new("ก", " "), new("a", "b")));
        Assert.Throws<ArgumentException>(() => new NotificationTemplate("tests.lines", new("ก", "ข"), new("a\nb", "b")));
    }

    [Fact]
    public void Registry_UnknownKey_ThrowsNamingIt()
    {
        var registry = new TemplateRegistry([TestTemplates.StatusChanged]);

        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("tests.no-such"));

        Assert.Contains("tests.no-such", error.Message, StringComparison.Ordinal);
        Assert.Same(TestTemplates.StatusChanged, registry.Get("tests.status-changed"));
    }

    [Fact]
    public void Registry_TwoTemplatesWithOneKey_Throws()
    {
        var twin = new NotificationTemplate(TestTemplates.StatusChanged.Key, new("ก", "ข"), new("a", "b"));

        var error = Assert.Throws<InvalidOperationException>(() => new TemplateRegistry([TestTemplates.StatusChanged, twin]));

        Assert.Contains(TestTemplates.StatusChanged.Key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th", "คำขอ LC-9 เปลี่ยนสถานะ", "English", "Application LC-9 changed")]
    [InlineData("en", "Application LC-9 changed", "ภาษาไทย", "คำขอ LC-9 เปลี่ยนสถานะ")]
    public void Mail_StartsInTheRecipientsLanguage_AndCarriesTheOtherBelow(string language, string subject, string otherHeading, string otherSubject)
    {
        var values = TestTemplates.Values("LC-9", "approved");
        var th = TestTemplates.StatusChanged.Render("th", values);
        var en = TestTemplates.StatusChanged.Render("en", values);
        var notification = new Notification
        {
            RecipientSubject = "s", RecipientEmail = "somchai@example.test", Language = language, TemplateKey = "k", DedupeKey = "d",
            SubjectTh = th.Subject, BodyTh = th.Body, SubjectEn = en.Subject, BodyEn = en.Body,
        };

        var mail = NotificationMail.Compose(notification);

        Assert.Equal(subject, mail.Subject);
        Assert.Equal("somchai@example.test", mail.To);
        var separator = mail.Text.IndexOf(NotificationMail.Separator, StringComparison.Ordinal);
        Assert.True(separator > 0);
        Assert.StartsWith(language == "th" ? th.Body : en.Body, mail.Text, StringComparison.Ordinal);
        Assert.Contains(otherHeading + "\n\n" + otherSubject, mail.Text[separator..], StringComparison.Ordinal);
        Assert.Contains(language == "th" ? en.Body : th.Body, mail.Text[separator..], StringComparison.Ordinal);
    }
}
