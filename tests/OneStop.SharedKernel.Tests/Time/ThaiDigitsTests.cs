namespace OneStop.SharedKernel.Tests.Time;

public sealed class ThaiDigitsTests
{
    [Theory]
    [InlineData("0123456789", "๐๑๒๓๔๕๖๗๘๙")]
    [InlineData("เลขที่ 12/3 หมู่ 4", "เลขที่ ๑๒/๓ หมู่ ๔")]
    [InlineData("฿1,234.50", "฿๑,๒๓๔.๕๐")]
    [InlineData("ABC-xyz", "ABC-xyz")]
    [InlineData("๑๒๓", "๑๒๓")]
    [InlineData("", "")]
    public void Apply_Text_ReplacesOnlyAsciiDigits(string text, string expected)
        => Assert.Equal(expected, ThaiDigits.Apply(text));

    [Fact]
    public void Apply_Null_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => ThaiDigits.Apply(null!));
}
