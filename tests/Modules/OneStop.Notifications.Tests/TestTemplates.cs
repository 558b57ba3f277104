using OneStop.Notifications.Contracts;

namespace OneStop.Notifications.Tests;

/// <summary>Templates as a module would register them.</summary>
internal static class TestTemplates
{
    public static readonly NotificationTemplate StatusChanged = new(
        "tests.status-changed",
        new NotificationText("คำขอ {applicationNumber} เปลี่ยนสถานะ", "คำขอเลขที่ {applicationNumber} ของคุณอยู่ในสถานะ \"{status}\" แล้ว\n\nดูรายละเอียดที่ https://onestop.example/applications/{applicationNumber}"),
        new NotificationText("Application {applicationNumber} changed", "Your application {applicationNumber} is now \"{status}\".\n\nSee https://onestop.example/applications/{applicationNumber}"));

    public static Dictionary<string, string> Values(string number, string status = "อนุมัติ")
        => new(StringComparer.Ordinal) { ["applicationNumber"] = number, ["status"] = status };
}
