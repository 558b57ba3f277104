using OneStop.SharedKernel;

namespace OneStop.Payments.Areas.Payments.Pages;

/// <summary>States and amounts in the words people use, in Thai and English.</summary>
internal static class PaymentWording
{
    public static string InvoiceStatus(string status) => status switch
    {
        "open" => Bilingual.Pick("รอชำระ", "To pay"),
        "paid" => Bilingual.Pick("ชำระแล้ว", "Paid"),
        "expired" => Bilingual.Pick("เลยกำหนดชำระ", "Past its due date"),
        "cancelled" => Bilingual.Pick("ยกเลิกแล้ว", "Withdrawn"),
        _ => status,
    };

    public static string PaymentStatus(string status) => status switch
    {
        "created" => Bilingual.Pick("รอสแกนจ่าย", "Waiting for you to pay"),
        "pending" => Bilingual.Pick("ธนาคารกำลังดำเนินการ", "Your bank is completing it"),
        "paid" => Bilingual.Pick("ชำระแล้ว", "Paid"),
        "failed" => Bilingual.Pick("ไม่สำเร็จ", "Did not go through"),
        "expired" => Bilingual.Pick("หมดเวลา", "Timed out"),
        "cancelled" => Bilingual.Pick("ยกเลิก", "Cancelled"),
        _ => status,
    };

    public static string HistoryKind(string kind) => kind switch
    {
        "raised" => Bilingual.Pick("ออกใบแจ้งชำระ", "Invoice raised"),
        "payment-started" => Bilingual.Pick("สร้างคิวอาร์โค้ดชำระเงิน", "Payment code made"),
        "payment-pending" => Bilingual.Pick("ธนาคารรับรายการแล้ว", "Bank took the payment"),
        "payment-failed" => Bilingual.Pick("ชำระไม่สำเร็จ", "Payment did not go through"),
        "paid" => Bilingual.Pick("ชำระแล้ว", "Paid"),
        "refunded" => Bilingual.Pick("คืนเงิน", "Refunded"),
        "expired" => Bilingual.Pick("เลยกำหนดชำระ", "Past its due date"),
        "cancelled" => Bilingual.Pick("หน่วยงานยกเลิก", "Withdrawn by the agency"),
        "read-by-officer" => Bilingual.Pick("เจ้าหน้าที่การเงินเปิดดูข้อมูลของคุณ", "A finance officer opened your details"),
        _ => kind,
    };

    public static string Baht(long satang) => new Money(satang).ToDisplayString();
}
