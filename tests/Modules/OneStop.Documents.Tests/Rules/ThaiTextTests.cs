using OneStop.Documents.Pdf;

namespace OneStop.Documents.Tests.Rules;

/// <summary>
/// Thai set with Sarabun the way the PDF sets it: shaped by HarfBuzz, so marks land where a Thai reader expects
/// them. Each case is one a PDF library without shaping gets wrong.
/// </summary>
public sealed class ThaiTextTests : IDisposable
{
    private readonly ThaiText text = ThaiText.Embedded("Sarabun-Regular");

    public void Dispose() => text.Dispose();

    private string[] Names(string word) => [.. text.Shape(word).Select(g => g.Name)];

    [Theory]
    [InlineData("ที่")]
    [InlineData("นี่")]
    [InlineData("ปี่")]
    public void AToneMarkOverAnUpperVowel_TakesItsSmallForm_SoBothShow(string word)
    {
        Assert.Equal("uni0E48", Names("ท่")[1]); // alone, the full-size mai ek
        Assert.Equal("uni0E48.small", Names(word)[2]);
    }

    [Fact]
    public void MarksOverATallConsonant_ShiftLeftOfItsStroke()
    {
        var low = text.Shape("กี่");
        var tall = text.Shape("ปี่");
        Assert.Equal("uni0E35.narrow", tall[1].Name);
        Assert.Equal("uni0E35", low[1].Name);
        Assert.True(tall[2].XOffset < low[2].XOffset - 100, $"the tone mark over ป sits left: {tall[2].XOffset} vs {low[2].XOffset}");
        Assert.Equal(["uni0E1F", "uni0E49.narrow", "uni0E32"], Names("ฟ้า"));
        Assert.Equal(["uni0E1B", "uni0E31.narrow", "uni0E49.small", "uni0E19"], Names("ปั้น"));
    }

    [Theory]
    [InlineData("ญ", "ญุ", "uni0E0D", "yoYingthai.less")]
    [InlineData("ฐ", "ฐุ", "uni0E10", "thoThanthai.less")]
    public void YoYingAndThoThan_DropTheirTails_BeforeAVowelBelow(string alone, string withU, string full, string tailless)
    {
        Assert.Equal(full, Names(alone)[0]);
        Assert.Equal(tailless, Names(withU)[0]);
    }

    [Fact]
    public void SaraAmWithAToneMark_IsOneLigature()
        => Assert.Equal(["uni0E19", "uni0E4D0E49", "uni0E32"], Names("น้ำ"));

    [Fact]
    public void Wrap_BreaksAtSpaces_AndInsideThaiOnlyBetweenWholeCharacters()
    {
        var lines = text.Wrap("99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", 12, 120);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(text.Width(l, 12) <= 120, l));
        Assert.Equal("99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", string.Join(' ', lines));

        var unbroken = text.Wrap("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร", 12, 80);
        Assert.True(unbroken.Count > 1);
        Assert.Equal("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร", string.Concat(unbroken));
        // No line starts with a mark: each mark stayed with its consonant.
        Assert.All(unbroken, l => Assert.False(char.GetUnicodeCategory(l[0]) == System.Globalization.UnicodeCategory.NonSpacingMark, l));
    }
}
