using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Http;

namespace OneStop.Payments.ThaiQr;

/// <summary>Thai QR for agency systems: make a code (payload and PNG) and read one back.</summary>
internal static class ThaiQrEndpoints
{
    /// <param name="Type"><c>mobile</c>, <c>nationalId</c>, <c>eWallet</c> or <c>billPayment</c>.</param>
    /// <param name="Target">The mobile number, national or tax ID, or e-wallet ID (PromptPay).</param>
    /// <param name="BillerId">15 digits: the biller's tax ID and suffix (bill payment).</param>
    /// <param name="Ref1">Reference 1 (bill payment, required): capital letters and digits, at most 20.</param>
    /// <param name="Ref2">Reference 2 (bill payment, optional).</param>
    /// <param name="AmountSatang">The amount in satang; none or 0 makes a reusable code without an amount.</param>
    public sealed record MakeRequest(string? Type, string? Target, string? BillerId, string? Ref1, string? Ref2, long? AmountSatang);

    public sealed record MadeCode(string Payload, string PngBase64);

    public sealed record ReadRequest(string? Payload);

    /// <summary>A code read back: the type as in the request that makes one; dynamic is true for a one-time code with its amount (point of initiation 12).</summary>
    public sealed record ReadCode(string Type, string? Target, string? BillerId, string? Ref1, string? Ref2, long? AmountSatang, bool Dynamic);

    public static RouteGroupBuilder MapThaiQrEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/thaiqr", Make).WithName("Payments_ThaiQr_Make")
            .WithSummary("Make a Thai QR payment code: PromptPay to a mobile, national ID or e-wallet, or a bill payment")
            .WithDescription("Answers the EMVCo payload (CRC-16/CCITT-FALSE) and a PNG of it in base64. Amounts are whole satang. Open to anyone: it reads and keeps nothing.")
            .AllowAnonymous();
        group.MapPost("/thaiqr/read", Read).WithName("Payments_ThaiQr_Read")
            .WithSummary("Read a Thai QR payment payload back, whatever the order of its objects; a damaged one is 400 with the reason")
            .AllowAnonymous();
        return group;
    }

    private static Results<Ok<MadeCode>, ProblemHttpResult> Make(MakeRequest request)
    {
        var payload = Kind(request.Type) switch
        {
            null => Error.Invalid("type", "Type is mobile, nationalId, eWallet or billPayment."),
            ThaiQrKind.BillPayment => ThaiQrCode.BillPayment(request.BillerId, request.Ref1, request.Ref2, request.AmountSatang),
            var kind => ThaiQrCode.PromptPay(kind.Value, request.Target, request.AmountSatang),
        };
        return payload.IsSuccess
            ? TypedResults.Ok(new MadeCode(payload.Value!, Convert.ToBase64String(QrImage.Png(payload.Value!))))
            : ApiProblems.From(payload.Error!);
    }

    private static Results<Ok<ReadCode>, ProblemHttpResult> Read(ReadRequest request)
    {
        var read = ThaiQrCode.Parse(request.Payload);
        if (!read.IsSuccess)
        {
            return ApiProblems.From(read.Error!);
        }

        var code = read.Value!;
        var bill = code.Kind == ThaiQrKind.BillPayment;
        return TypedResults.Ok(new ReadCode(NameOf(code.Kind), bill ? null : code.Target, bill ? code.Target : null, code.Ref1, code.Ref2, code.AmountSatang, code.IsDynamic));
    }

    private static ThaiQrKind? Kind(string? type) => type switch
    {
        "mobile" => ThaiQrKind.Mobile,
        "nationalId" => ThaiQrKind.NationalId,
        "eWallet" => ThaiQrKind.EWallet,
        "billPayment" => ThaiQrKind.BillPayment,
        _ => null,
    };

    private static string NameOf(ThaiQrKind kind) => kind switch
    {
        ThaiQrKind.Mobile => "mobile",
        ThaiQrKind.NationalId => "nationalId",
        ThaiQrKind.EWallet => "eWallet",
        ThaiQrKind.BillPayment => "billPayment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
