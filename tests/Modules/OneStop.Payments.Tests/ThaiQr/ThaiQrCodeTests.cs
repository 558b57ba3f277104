using OneStop.Payments.ThaiQr;

namespace OneStop.Payments.Tests.ThaiQr;

public sealed class ThaiQrCodeTests
{
    public static TheoryData<string> Payloads => ThaiQrVectors.Payloads();

    [Fact]
    public void Vectors_AreAllThere()
    {
        // AnyID targets × 6 amounts by promptpay-qr, and bill payments by promptparse: every kind, with and without amounts.
        Assert.Equal(45, ThaiQrVectors.All.Count);
        Assert.Equal(["bill_payment", "citizen_id", "ewallet", "mobile"], ThaiQrVectors.All.Select(v => v.Kind).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, ThaiQrVectors.All.Count(v => v.Kind == "bill_payment"));
        Assert.Contains(ThaiQrVectors.All, v => v.Ref2.Length > 0);
    }

    [Fact]
    public void Make_ReproducesEveryPeerPayload_CharacterForCharacter()
    {
        foreach (var v in ThaiQrVectors.All)
        {
            var made = v.Kind switch
            {
                "mobile" => ThaiQrCode.PromptPay(ThaiQrKind.Mobile, v.Target, v.AmountSatang),
                "citizen_id" => ThaiQrCode.PromptPay(ThaiQrKind.NationalId, v.Target, v.AmountSatang),
                "ewallet" => ThaiQrCode.PromptPay(ThaiQrKind.EWallet, v.Target, v.AmountSatang),
                "bill_payment" => ThaiQrCode.BillPayment(v.Target, v.Ref1, v.Ref2.Length == 0 ? null : v.Ref2, v.AmountSatang),
                _ => throw new InvalidOperationException(v.Kind),
            };
            Assert.True(made.IsSuccess, $"{v}: {made.Error?.Message}");
            Assert.Equal(v.Payload, made.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Parse_ReadsEveryPeerPayload_FieldForField(string payload)
    {
        var v = ThaiQrVectors.All.First(x => x.Payload == payload);
        var read = ThaiQrCode.Parse(payload);

        Assert.True(read.IsSuccess, read.Error?.Message);
        var code = read.Value!;
        Assert.Equal(v.Kind switch
        {
            "mobile" => ThaiQrKind.Mobile,
            "citizen_id" => ThaiQrKind.NationalId,
            "ewallet" => ThaiQrKind.EWallet,
            _ => ThaiQrKind.BillPayment,
        }, code.Kind);
        Assert.Equal(v.Target, code.Target);
        Assert.Equal(v.AmountSatang is > 0 ? v.AmountSatang : null, code.AmountSatang);
        Assert.Equal(v.AmountSatang is > 0, code.IsDynamic);
        Assert.Equal(v.Ref1.Length == 0 ? null : v.Ref1, code.Ref1);
        Assert.Equal(v.Ref2.Length == 0 ? null : v.Ref2, code.Ref2);
    }

    [Fact]
    public void Crc_IsCcittFalse()
    {
        Assert.Equal(0x29B1, Emv.Crc16("123456789"));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Parse_DoesNotDependOnTheOrderOfObjects(string payload)
    {
        // Reverse every object between the format indicator and the CRC, then seal again.
        var objects = Emv.Split(payload)!;
        var middle = objects.Skip(1).Take(objects.Count - 2).Reverse();
        var rebuilt = new System.Text.StringBuilder().Append("00", "01");
        foreach (var (id, value) in middle)
        {
            rebuilt.Append(id, value);
        }

        var reordered = Emv.Seal(rebuilt);
        Assert.NotEqual(payload, reordered);
        Assert.Equal(ThaiQrCode.Parse(payload).Value, ThaiQrCode.Parse(reordered).Value);
    }

    [Fact]
    public void Parse_RefusesDamage_WithTheReason()
    {
        const string good = "00020101021129370016A000000677010111011300668123456785802TH530376463045D82";
        Assert.Contains("CRC", Reason(good[..^1] + "3"), StringComparison.Ordinal);
        Assert.Contains("CRC", Reason(good.Replace("0066812345678", "0066812345679", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("grammar", Reason("0002010102"), StringComparison.Ordinal);
        Assert.Contains("Give", Reason(""), StringComparison.Ordinal);
        Assert.Contains("Give", Reason(null), StringComparison.Ordinal);
        Assert.Contains("764", Reason(Seal("000201010211", "29370016A00000067701011101130066812345678", "5802TH", "5303840")), StringComparison.Ordinal);
        Assert.Contains("exactly one", Reason(Seal("000201010211", "5802TH", "5303764")), StringComparison.Ordinal);
        Assert.Contains("twice", Reason(Seal("000201010211", "5802TH", "5802TH", "5303764")), StringComparison.Ordinal);
        Assert.Contains("amount", Reason(Seal("000201010212", "29370016A00000067701011101130066812345678", "5802TH", "5303764", "54051.005")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("start", Reason("01021100020163040000"), StringComparison.Ordinal);

        static string Reason(string? payload)
        {
            var read = ThaiQrCode.Parse(payload);
            Assert.False(read.IsSuccess);
            Assert.Equal("payload", read.Error!.Field);
            return read.Error.Message;
        }
    }

    [Theory]
    [InlineData("Mobile", "081234567", "target")]
    [InlineData("Mobile", "1812345678", "target")]
    [InlineData("Mobile", "08123456xx", "target")]
    [InlineData("NationalId", "1999900000014", "target")]
    [InlineData("EWallet", "12345", "target")]
    [InlineData("BillPayment", "0812345678", "type")]
    public void PromptPay_RefusesBadTargets_NamingTheField(string kind, string target, string field)
    {
        var made = ThaiQrCode.PromptPay(Enum.Parse<ThaiQrKind>(kind), target, null);
        Assert.False(made.IsSuccess);
        Assert.Equal(field, made.Error!.Field);
    }

    [Fact]
    public void PromptPay_TakesMobileNumbersAsPeopleWriteThem()
    {
        var expected = ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "0812345678", null).Value;
        Assert.Equal(expected, ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "081-234-5678", null).Value);
        Assert.Equal(expected, ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "+66812345678", null).Value);
        Assert.Equal(expected, ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "66 81 234 5678", null).Value);
    }

    [Theory]
    [InlineData("010599900001600", "", null, "ref1")]
    [InlineData("010599900001600", "inv1", null, "ref1")]
    [InlineData("010599900001600", "INV-1", null, "ref1")]
    [InlineData("010599900001600", "ABCDEFGHIJKLMNOPQRSTU", null, "ref1")]
    [InlineData("010599900001600", "INV1", "bad ref", "ref2")]
    [InlineData("010599900001700", "INV1", null, "billerId")]
    [InlineData("01059990000160", "INV1", null, "billerId")]
    public void BillPayment_RefusesBadFields_NamingThem(string biller, string ref1, string? ref2, string field)
    {
        var made = ThaiQrCode.BillPayment(biller, ref1, ref2, 100);
        Assert.False(made.IsSuccess);
        Assert.Equal(field, made.Error!.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ThaiQrCode.MaxAmountSatang + 1)]
    public void Amounts_AreWholeSatangWithinThirteenCharacters(long satang)
    {
        Assert.Equal("amountSatang", ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "0812345678", satang).Error!.Field);
        Assert.True(ThaiQrCode.PromptPay(ThaiQrKind.Mobile, "0812345678", ThaiQrCode.MaxAmountSatang).IsSuccess);
        Assert.Equal("9999999999.99", ThaiQrCode.AmountText(ThaiQrCode.MaxAmountSatang));
    }

    private static string Seal(params string[] parts) => Emv.Seal(new System.Text.StringBuilder(string.Concat(parts)));
}
