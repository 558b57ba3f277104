using System.Globalization;
using System.Text;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Payments.ThaiQr;

/// <summary>What a Thai QR pays: a PromptPay account (by mobile, national or tax ID, or e-wallet) or a biller's bill.</summary>
internal enum ThaiQrKind
{
    Mobile,
    NationalId,
    EWallet,
    BillPayment,
}

/// <summary>
/// A Thai QR payment code read back: the account or biller, the references of a bill, the amount when the
/// code is dynamic. <see cref="Target"/> is as people write it: a mobile number from 0, the 13 or 15 digits, the biller ID.
/// </summary>
internal sealed record ThaiQrData(ThaiQrKind Kind, string Target, string? Ref1, string? Ref2, long? AmountSatang)
{
    /// <summary>A one-time code carrying its amount (point of initiation 12), as opposed to a reusable one (11).</summary>
    public bool IsDynamic => AmountSatang is > 0;
}

/// <summary>
/// Thai QR Payment as the Bank of Thailand and the Thai Bankers' Association specify it over EMVCo's
/// merchant-presented mode: PromptPay credit transfer (tag 29) and bill payment (tag 30). Objects are written in
/// the order of the two reference libraries (promptpay-qr for PromptPay, promptparse for bills), so payloads
/// match theirs character for character; the parser accepts any order.
/// </summary>
internal static class ThaiQrCode
{
    public const string PromptPayAid = "A000000677010111";
    public const string BillPaymentAid = "A000000677010112";
    public const string Baht = "764";
    public const string Thailand = "TH";

    /// <summary>The largest amount tag 54 holds: thirteen characters, "9999999999.99".</summary>
    public const long MaxAmountSatang = 999_999_999_999;

    private const int MaxReferenceLength = 20;

    /// <summary>A PromptPay credit-transfer code to a mobile number, a national or tax ID, or an e-wallet.</summary>
    public static Result<string> PromptPay(ThaiQrKind kind, string? target, long? amountSatang)
    {
        if (AmountProblem(amountSatang) is { } amountError)
        {
            return amountError;
        }

        var account = kind switch
        {
            ThaiQrKind.Mobile => MobileAccount(target),
            ThaiQrKind.NationalId => ThaiIdChecksum.Check(target, out var digits) == ThaiIdProblem.None
                ? Result<(string, string)>.Success(("02", digits))
                : Error.Invalid("target", "A national or tax ID has 13 digits with a valid check digit."),
            ThaiQrKind.EWallet => Digits(target) is { Length: 15 } wallet
                ? Result<(string, string)>.Success(("03", wallet))
                : Error.Invalid("target", "An e-wallet ID has 15 digits."),
            _ => Error.Invalid("type", "PromptPay pays a mobile number, a national ID or an e-wallet."),
        };
        if (!account.IsSuccess)
        {
            return account.Error!;
        }

        var (subTag, value) = account.Value;
        var merchant = new StringBuilder().Append("00", PromptPayAid).Append(subTag, value).ToString();
        var payload = Head(amountSatang).Append("29", merchant).Append("58", Thailand).Append("53", Baht);
        return Tail(payload, amountSatang);
    }

    /// <summary>A bill-payment code: the biller (13-digit tax ID and 2-digit suffix), reference 1, optionally reference 2.</summary>
    public static Result<string> BillPayment(string? billerId, string? ref1, string? ref2, long? amountSatang)
    {
        if (BillerProblem(billerId) is { } billerError)
        {
            return billerError;
        }

        if (ReferenceProblem("ref1", ref1, required: true) is { } ref1Error)
        {
            return ref1Error;
        }

        if (ReferenceProblem("ref2", ref2, required: false) is { } ref2Error)
        {
            return ref2Error;
        }

        if (AmountProblem(amountSatang) is { } amountError)
        {
            return amountError;
        }

        var merchant = new StringBuilder().Append("00", BillPaymentAid).Append("01", billerId!).Append("02", ref1!);
        if (!string.IsNullOrEmpty(ref2))
        {
            merchant.Append("03", ref2);
        }

        var payload = Head(amountSatang).Append("30", merchant.ToString()).Append("53", Baht).Append("58", Thailand);
        return Tail(payload, amountSatang);
    }

    /// <summary>Reads any valid Thai QR payment payload, whatever the order of its objects.</summary>
    public static Result<ThaiQrData> Parse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload) || payload.Length > 512)
        {
            return Bad("Give the text of a Thai QR payment code.");
        }

        payload = payload.Trim();
        if (Emv.Split(payload) is not { Count: > 0 } objects)
        {
            return Bad("The code does not follow the EMV QR grammar (two-digit id, two-digit length, value).");
        }

        if (objects[0] is not ("00", "01"))
        {
            return Bad("The code must start with payload format indicator 01.");
        }

        if (objects[^1].Id != Emv.CrcTag || objects[^1].Value.Length != 4)
        {
            return Bad("The code must end with its CRC.");
        }

        var expected = Emv.Crc16(payload[..^4]).ToString("X4", CultureInfo.InvariantCulture);
        if (!string.Equals(objects[^1].Value, expected, StringComparison.OrdinalIgnoreCase))
        {
            return Bad($"The CRC is {objects[^1].Value} but the code's content gives {expected}: the code is damaged or was changed.");
        }

        var root = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, value) in objects)
        {
            if (!root.TryAdd(id, value))
            {
                return Bad($"Object {id} appears twice.");
            }
        }

        if (root.GetValueOrDefault("01") is not ("11" or "12"))
        {
            return Bad("Point of initiation (01) must be 11 (static) or 12 (dynamic).");
        }

        if (root.GetValueOrDefault("53") != Baht)
        {
            return Bad("The currency (53) must be 764, Thai baht.");
        }

        if (root.GetValueOrDefault("58") != Thailand)
        {
            return Bad("The country (58) must be TH.");
        }

        long? amount = null;
        if (root.TryGetValue("54", out var amountText))
        {
            if (!Money.TryParseBaht(amountText, out var baht))
            {
                return Bad($"The amount (54) '{amountText}' is not baht with at most two decimals.");
            }

            amount = baht.Satang;
        }

        return (root.ContainsKey("29"), root.ContainsKey("30")) switch
        {
            (true, false) => ReadPromptPay(root["29"], amount),
            (false, true) => ReadBill(root["30"], amount),
            _ => Bad("The code must carry exactly one of PromptPay (29) or bill payment (30)."),
        };
    }

    /// <summary>The amount as tag 54 writes it: baht with two decimals.</summary>
    public static string AmountText(long satang) => (satang / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static Result<ThaiQrData> ReadPromptPay(string template, long? amount)
    {
        var fields = Template(template);
        if (fields?.GetValueOrDefault("00") != PromptPayAid)
        {
            return Bad($"The PromptPay object (29) must start with application id {PromptPayAid}.");
        }

        if (fields.TryGetValue("01", out var mobile) && mobile.Length == 13 && Emv.IsDigits(mobile) && mobile.StartsWith("0066", StringComparison.Ordinal))
        {
            return new ThaiQrData(ThaiQrKind.Mobile, "0" + mobile[4..], null, null, amount);
        }

        if (fields.TryGetValue("02", out var id) && id.Length == 13 && Emv.IsDigits(id))
        {
            return new ThaiQrData(ThaiQrKind.NationalId, id, null, null, amount);
        }

        if (fields.TryGetValue("03", out var wallet) && wallet.Length == 15 && Emv.IsDigits(wallet))
        {
            return new ThaiQrData(ThaiQrKind.EWallet, wallet, null, null, amount);
        }

        return Bad("The PromptPay object (29) must hold a mobile number (01), a national or tax ID (02) or an e-wallet ID (03).");
    }

    private static Result<ThaiQrData> ReadBill(string template, long? amount)
    {
        var fields = Template(template);
        if (fields?.GetValueOrDefault("00") != BillPaymentAid)
        {
            return Bad($"The bill-payment object (30) must start with application id {BillPaymentAid}.");
        }

        if (fields.GetValueOrDefault("01") is not { Length: 15 } biller || !Emv.IsDigits(biller))
        {
            return Bad("The bill-payment object (30) must hold a 15-digit biller ID (01).");
        }

        if (fields.GetValueOrDefault("02") is not { } ref1)
        {
            return Bad("The bill-payment object (30) must hold reference 1 (02).");
        }

        return new ThaiQrData(ThaiQrKind.BillPayment, biller, ref1, fields.GetValueOrDefault("03"), amount);
    }

    private static Dictionary<string, string>? Template(string value)
        => Emv.Split(value) is { } objects && objects.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() == objects.Count
            ? objects.ToDictionary(o => o.Id, o => o.Value, StringComparer.Ordinal)
            : null;

    private static StringBuilder Head(long? amountSatang)
        => new StringBuilder().Append("00", "01").Append("01", amountSatang is > 0 ? "12" : "11");

    private static string Tail(StringBuilder payload, long? amountSatang)
    {
        if (amountSatang is > 0)
        {
            payload.Append("54", AmountText(amountSatang.Value));
        }

        return Emv.Seal(payload);
    }

    private static Result<(string, string)> MobileAccount(string? target)
    {
        var digits = Digits(target?.Replace("+", string.Empty, StringComparison.Ordinal));
        var national = digits switch
        {
            { Length: 10 } when digits[0] == '0' => "66" + digits[1..],
            { Length: 11 } when digits.StartsWith("66", StringComparison.Ordinal) => digits,
            _ => null,
        };
        return national is null
            ? Error.Invalid("target", "A Thai mobile number has 10 digits starting with 0 (or +66 and 9 digits).")
            : ("01", national.PadLeft(13, '0'));
    }

    /// <summary>The digits of <paramref name="text"/> once dashes and spaces are taken out; null when anything else is left.</summary>
    private static string? Digits(string? text)
    {
        var digits = text?.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits is not null && Emv.IsDigits(digits) ? digits : null;
    }

    private static Error? AmountProblem(long? amountSatang)
        => amountSatang is < 0 or > MaxAmountSatang
            ? Error.Invalid("amountSatang", $"The amount is whole satang from 0 to {MaxAmountSatang} (0 or none for a reusable code).")
            : null;

    private static Error? BillerProblem(string? billerId)
        => billerId is { Length: 15 } && Emv.IsDigits(billerId) && ThaiIdChecksum.Check(billerId.AsSpan(0, 13)) == ThaiIdProblem.None
            ? null
            : Error.Invalid("billerId", "A biller ID is the biller's 13-digit tax ID followed by a 2-digit suffix.");

    private static Error? ReferenceProblem(string field, string? reference, bool required)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return required ? Error.Invalid(field, "Reference 1 is required: it tells the biller what is paid.") : null;
        }

        return reference.Length <= MaxReferenceLength && reference.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            ? null
            : Error.Invalid(field, $"A reference has 1 to {MaxReferenceLength} characters, capital letters A-Z and digits only.");
    }

    private static Error Bad(string message) => Error.Invalid("payload", message);
}
