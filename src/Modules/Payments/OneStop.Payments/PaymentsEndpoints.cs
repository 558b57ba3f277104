using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Payments.Data;
using OneStop.Payments.Invoices;
using OneStop.Payments.Payments;
using OneStop.Payments.Reconciliation;
using OneStop.Payments.Refunds;
using OneStop.Payments.Sandbox;
using OneStop.Payments.ThaiQr;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Payments;

/// <summary>The payments API: payers see and pay invoices, gateways notify, agencies raise, refund and reconcile.</summary>
internal static class PaymentsEndpoints
{
    /// <summary>A notification larger than this is not a bank's.</summary>
    public const int MaxNotificationBytes = 16 * 1024;

    public sealed record RefundView(Guid Id, Guid PaymentId, string AgencyCode, long AmountSatang, string Reason, string Status, string RequestedBy, DateTime CreatedAt,
        DateTime? CompletedAt, string? GatewayReference);

    public sealed record AgencyPayment(Guid PaymentId, string Reference, string InvoiceNumber, string PayerName, string Status, DateTime? PaidAt, long AgencySatang,
        long AgencyRefundedSatang, string? TransactionId);

    public sealed record ReconciliationView(Guid Id, string FileName, DateOnly From, DateOnly To, DateTime ImportedAt, string ImportedBy,
        int Matched, int Mismatched, int Unmatched, int Missing, IReadOnlyList<ReconciliationItemView> Items);

    public sealed record ReconciliationItemView(string Kind, int? Line, string? TransactionId, string? Reference, long? StatementSatang, long? RecordedSatang, string? Note);

    public sealed record SandboxPayRequest(string? Payload, string? Outcome);

    public static RouteGroupBuilder MapPaymentsEndpoints(this RouteGroupBuilder group)
    {
        var mine = group.MapGroup("/invoices").RequireAuthorization(Policies.Citizen);
        mine.MapGet("/", (ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct) => MineAsync(user, queries, ct))
            .WithName("Payments_Invoices_Mine").WithSummary("My invoices (and my company's while I act for it), newest first");
        mine.MapGet("/{number}", GetAsync).WithName("Payments_Invoices_Get")
            .WithSummary("An invoice: lines per agency, discounts, due date, payments (with their QR payloads) and history");
        mine.MapPost("/{number}/payments", PayAsync).WithName("Payments_Invoices_Pay")
            .WithSummary("Get a Thai QR bill-payment code for the whole amount (the same live code again while it lasts)")
            .WithDescription("Answers the payment with its payload (reference 1 = the invoice number, reference 2 = the payment's reference) and a PNG in base64.");
        mine.MapPost("/{number}/payments/{reference}/cancel", CancelPaymentAsync).WithName("Payments_Invoices_CancelPayment")
            .WithSummary("Give up a code not yet paid");

        group.MapGet("/receipts/{number}", ReceiptAsync).RequireAuthorization(Policies.Citizen).WithName("Payments_Receipts_Get").WithSummary("One of my receipts");

        group.MapPost("/notifications/{gateway}", NotifyAsync).AllowAnonymous().DisableAntiforgery().WithMetadata(new OwnsRequestLimits())
            .WithName("Payments_Notifications").WithSummary("A bank or gateway reports a payment (paid, pending or failed)")
            .WithDescription("Signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature: v1,base64 HMAC-SHA256 of id.timestamp.body) with the gateway's secret; "
                + "at most 5 minutes old. Body: {transactionId, status, billerId, ref1, ref2, amountSatang, paidAt, reason}. Applied once per transaction and status; "
                + "a retry answers 200 with outcome 'duplicate'. Refusals (401 signature or replay, 400 malformed, 404 unknown reference, 409 wrong amount or nothing owed) are recorded.");

        var agency = group.MapGroup("/agency").RequireAuthorization(Policies.Officer);
        agency.MapPost("/invoices", RaiseAsync).WithName("Payments_Agency_Raise").WithIdempotencyKey()
            .WithSummary("Raise a fine or service fee for a person or company (finance officers); the same reference again answers the first invoice");
        agency.MapGet("/invoices/{number}", AgencyInvoiceAsync).WithName("Payments_Agency_Invoice")
            .WithSummary("An invoice with a line of this agency (the read is recorded in the invoice's history)");
        agency.MapPost("/invoices/{number}/cancel", CancelInvoiceAsync).WithName("Payments_Agency_Cancel").WithSummary("Withdraw an open invoice this agency raised, with the reason");
        agency.MapGet("/payments", AgencyPaymentsAsync).WithName("Payments_Agency_Payments")
            .WithSummary("Paid payments with this agency's share, newest first (finance officers)");
        agency.MapPost("/payments/{id:guid}/refunds", RefundAsync).WithName("Payments_Agency_Refund").WithIdempotencyKey()
            .WithSummary("Give back part or all of this agency's share of a payment, with the reason");
        agency.MapGet("/payments/{id:guid}/refunds", RefundsAsync).WithName("Payments_Agency_Refunds").WithSummary("The refunds of a payment by this agency");
        agency.MapPost("/reconciliations", ReconcileAsync).DisableAntiforgery().WithName("Payments_Agency_Reconcile")
            .WithSummary("Import the collecting account's statement (multipart field 'file', CSV with date, transaction_id, ref1, amount in baht) and match it (collecting agency's finance officers)");
        agency.MapGet("/reconciliations/{id:guid}", ReconciliationAsync).WithName("Payments_Agency_Reconciliation").WithSummary("A reconciliation's report");

        group.MapPost("/sandbox/pay", SandboxPayAsync).RequireAuthorization().WithName("Payments_Sandbox_Pay")
            .WithSummary("Development and tests only: the sandbox bank pays a QR payload (outcome paid, failed or pending-then-paid) and notifies the platform");
        return group;
    }

    private static async Task<Ok<List<InvoiceSummary>>> MineAsync(ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct)
        => TypedResults.Ok(await queries.MineAsync(Party.Of(user)!, ct));

    private static async Task<Results<Ok<InvoiceView>, ProblemHttpResult>> GetAsync(string number, ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct)
        => await queries.FindOwnedAsync(Party.Of(user)!, number, ct) is { } invoice
            ? TypedResults.Ok(await queries.ViewAsync(invoice, ct))
            : ApiProblems.From(InvoiceQueries.NotFound(number));

    public sealed record PaymentCode(PaymentView Payment, string PngBase64);

    private static async Task<Results<Ok<PaymentCode>, ProblemHttpResult>> PayAsync(string number, ClaimsPrincipal user, InvoiceQueries queries, StartPayment.Handler handler, CancellationToken ct)
    {
        if (await queries.FindOwnedAsync(Party.Of(user)!, number, ct) is not { } invoice)
        {
            return ApiProblems.From(InvoiceQueries.NotFound(number));
        }

        var result = await handler.HandleAsync(invoice, ct);
        return result.Value is { } payment
            ? TypedResults.Ok(new PaymentCode(InvoiceQueries.ViewOf(payment, null), Convert.ToBase64String(QrImage.Png(payment.QrPayload!))))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> CancelPaymentAsync(
        string number, string reference, ClaimsPrincipal user, InvoiceQueries queries, CancelPayment.Handler handler, CancellationToken ct)
    {
        if (await queries.FindOwnedAsync(Party.Of(user)!, number, ct) is not { } invoice)
        {
            return ApiProblems.From(InvoiceQueries.NotFound(number));
        }

        var result = await handler.HandleAsync(invoice, reference, ct);
        return result.Value is { } payment ? TypedResults.Ok(InvoiceQueries.ViewOf(payment, null)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> ReceiptAsync(string number, ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct)
        => await queries.FindReceiptAsync(Party.Of(user)!, number, ct) is { } receipt ? TypedResults.Ok(receipt) : ApiProblems.From(Error.NotFound("receipt", number));

    private static async Task<IResult> NotifyAsync(string gateway, HttpRequest request, ReceiveNotification.Handler handler, CancellationToken ct)
    {
        if (request.ContentLength > MaxNotificationBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.", detail: $"A notification is at most {MaxNotificationBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxNotificationBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.", detail: $"A notification is at most {MaxNotificationBytes} bytes.");
        }

        var (answer, refusal) = await handler.HandleAsync(gateway, request.Headers[StandardWebhooks.IdHeader], request.Headers[StandardWebhooks.TimestampHeader],
            request.Headers[StandardWebhooks.SignatureHeader], buffer.ToArray(), ct);
        return answer is not null
            ? TypedResults.Ok(answer)
            : TypedResults.Problem(statusCode: refusal!.Status, title: "Notification refused.", detail: refusal.Detail,
                extensions: new Dictionary<string, object?> { ["outcome"] = WireNames.Kebab(refusal.Outcome.ToString()) });
    }

    private static async Task<Results<Created<InvoiceView>, Ok<InvoiceView>, ProblemHttpResult>> RaiseAsync(
        RaiseInvoice.Request request, ClaimsPrincipal user, RaiseInvoice.Handler handler, InvoiceQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, request, ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var (invoice, created) = result.Value;
        var view = await queries.ViewAsync(invoice, ct);
        return created ? TypedResults.Created($"/api/payments/agency/invoices/{invoice.Number}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<InvoiceView>, ProblemHttpResult>> AgencyInvoiceAsync(
        string number, ClaimsPrincipal user, PaymentsDbContext db, InvoiceQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var officer = Officer.Of(user)!;
        var invoice = await db.Invoices.Include(i => i.Lines).SingleOrDefaultAsync(i => i.Number == number, ct);
        if (invoice is null || invoice.Lines.All(l => l.AgencyCode != officer.AgencyCode) || !officer.Roles.Contains(OfficerRoleCodes.Finance))
        {
            return ApiProblems.From(InvoiceQueries.NotFound(number));
        }

        // The payer's name and IDs are personal data: the read is recorded where the payer sees it.
        db.InvoiceEvents.Add(new InvoiceEvent { InvoiceId = invoice.Id, Kind = InvoiceEventKind.ReadByOfficer, At = clock.GetUtcNow().UtcDateTime,
            Actor = $"{SignedIn.NameOf(user)} ({officer.AgencyCode})", Note = "finance" });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await queries.ViewAsync(invoice, ct));
    }

    private static async Task<Results<Ok<InvoiceView>, ProblemHttpResult>> CancelInvoiceAsync(
        string number, CancelInvoice.Request request, ClaimsPrincipal user, CancelInvoice.Handler handler, InvoiceQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, number, request, ct);
        return result.Value is { } invoice ? TypedResults.Ok(await queries.ViewAsync(invoice, ct)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<List<AgencyPayment>>, ProblemHttpResult>> AgencyPaymentsAsync(ClaimsPrincipal user, PaymentsDbContext db, int? page, CancellationToken ct)
    {
        var officer = Officer.Of(user)!;
        if (!officer.Roles.Contains(OfficerRoleCodes.Finance))
        {
            return ApiProblems.From(RaiseInvoice.NotFinance);
        }

        return TypedResults.Ok(await AgencyPaymentsOf(db, officer.AgencyCode, Math.Max(page ?? 1, 1), ct));
    }

    /// <summary>Paid payments of invoices with a line of <paramref name="agency"/>, with that agency's share; payers' names only, never their IDs.</summary>
    internal static async Task<List<AgencyPayment>> AgencyPaymentsOf(PaymentsDbContext db, string agency, int page, CancellationToken ct)
    {
        const int PerPage = 50;
        return await AgencyPayments(db, agency, null).Skip((page - 1) * PerPage).Take(PerPage).ToListAsync(ct);
    }

    /// <summary>One paid payment of the agency's, or null (another agency's is as unknown as a missing one).</summary>
    internal static Task<AgencyPayment?> AgencyPaymentOf(PaymentsDbContext db, string agency, Guid paymentId, CancellationToken ct)
        => AgencyPayments(db, agency, paymentId).FirstOrDefaultAsync(ct);

    private static IQueryable<AgencyPayment> AgencyPayments(PaymentsDbContext db, string agency, Guid? paymentId)
    {
        // The agency's share of each invoice, summed once and joined, so only invoices with the agency's lines come back.
        var shares = db.InvoiceLines.Where(l => l.AgencyCode == agency).GroupBy(l => l.InvoiceId)
            .Select(g => new { InvoiceId = g.Key, Amount = g.Sum(l => l.AmountSatang), Refunded = g.Sum(l => l.RefundedSatang) });
        return db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Paid && (paymentId == null || p.Id == paymentId))
            .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { Payment = p, Invoice = i })
            .Join(shares, x => x.Invoice.Id, s => s.InvoiceId, (x, s) => new { x.Payment, x.Invoice, Share = s })
            .OrderByDescending(x => x.Payment.PaidAt).ThenByDescending(x => x.Payment.Id)
            .Select(x => new AgencyPayment(x.Payment.Id, x.Payment.Reference, x.Invoice.Number, x.Invoice.PayerName, "paid", x.Payment.PaidAt,
                x.Share.Amount, x.Share.Refunded, x.Payment.TransactionId));
    }

    private static async Task<Results<Created<RefundView>, ProblemHttpResult>> RefundAsync(
        Guid id, RefundPayment.Request request, ClaimsPrincipal user, RefundPayment.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.NameOf(user), id, request, ct);
        return result.Value is { } refund ? TypedResults.Created($"/api/payments/agency/payments/{id}/refunds", ViewOf(refund)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Ok<List<RefundView>>> RefundsAsync(Guid id, ClaimsPrincipal user, PaymentsDbContext db, CancellationToken ct)
    {
        var agency = Officer.Of(user)!.AgencyCode;
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.PaymentId == id && r.AgencyCode == agency).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(refunds.Select(ViewOf).ToList());
    }

    internal static RefundView ViewOf(Refund refund)
        => new(refund.Id, refund.PaymentId, refund.AgencyCode, refund.AmountSatang, refund.Reason, WireNames.Kebab(refund.Status.ToString()), refund.RequestedBy,
            refund.CreatedAt, refund.CompletedAt, refund.GatewayReference);

    private static async Task<Results<Ok<ReconciliationView>, ProblemHttpResult>> ReconcileAsync(
        IFormFile? file, ClaimsPrincipal user, Reconcile.Handler handler, CancellationToken ct)
    {
        if (file is null || file.Length is 0 or > Reconcile.MaxBytes)
        {
            return ApiProblems.Invalid("file", $"Send the statement as the multipart field 'file', a CSV of at most {Reconcile.MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.NameOf(user), file.FileName, buffer.ToArray(), ct);
        return result.Value is { } run ? TypedResults.Ok(ViewOf(run)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<ReconciliationView>, ProblemHttpResult>> ReconciliationAsync(Guid id, ClaimsPrincipal user, PaymentsDbContext db, PaymentSettings settings, CancellationToken ct)
    {
        var run = Officer.Of(user)!.May(OfficerRoleCodes.Finance, settings.CollectingAgency)
            ? await db.Reconciliations.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, ct)
            : null;
        return run is null ? ApiProblems.From(Error.NotFound("reconciliation", id.ToString())) : TypedResults.Ok(ViewOf(run));
    }

    internal static ReconciliationView ViewOf(ReconciliationRun run)
        => new(run.Id, run.FileName, run.From, run.To, run.ImportedAt, run.ImportedBy, run.Matched, run.Mismatched, run.Unmatched, run.Missing,
            [.. run.Items.OrderBy(i => i.Kind).ThenBy(i => i.Line ?? int.MaxValue).ThenBy(i => i.Id)
                .Select(i => new ReconciliationItemView(WireNames.Kebab(i.Kind.ToString()), i.Line, i.TransactionId, i.Reference, i.StatementSatang, i.RecordedSatang, i.Note))]);

    private static async Task<Results<Ok<IReadOnlyList<SandboxPayer.Sent>>, ProblemHttpResult, NotFound>> SandboxPayAsync(
        SandboxPayRequest request, PaymentSettings settings, SandboxPayer payer, CancellationToken ct)
    {
        if (!settings.SandboxEnabled)
        {
            return TypedResults.NotFound();
        }

        SandboxOutcome? outcome = request.Outcome switch
        {
            null or "paid" => SandboxOutcome.Paid,
            "failed" => SandboxOutcome.Failed,
            "pending-then-paid" => SandboxOutcome.PendingThenPaid,
            _ => null,
        };
        if (outcome is null)
        {
            return ApiProblems.Invalid("outcome", "Outcome is paid, failed or pending-then-paid.");
        }

        var result = await payer.PayAsync(request.Payload, outcome.Value, ct);
        return result.Value is { } sent ? TypedResults.Ok(sent) : ApiProblems.From(result.Error!);
    }
}
