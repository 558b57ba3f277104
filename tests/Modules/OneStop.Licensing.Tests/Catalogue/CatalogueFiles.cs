using OneStop.Licensing.Catalogue;

namespace OneStop.Licensing.Tests.Catalogue;

/// <summary>A small, valid catalogue that tests change one file of to make one mistake.</summary>
internal static class CatalogueFiles
{
    public const string Catalogue = """
        version: "test-1"
        sources:
          BP: { th: "บีพี", en: "BP" }
          assumption: { th: "สมมติฐาน", en: "Assumption" }
        groups:
          - key: premises
            name: { th: "สถานที่", en: "Premises" }
        questions:
          - key: sellsAlcohol
            type: yesno
            group: premises
            text: { th: "ขายเหล้าไหม", en: "Do you sell alcohol?" }
          - key: floorArea
            type: number
            group: premises
            text: { th: "พื้นที่", en: "Floor area" }
          - key: sells
            type: multi
            group: premises
            text: { th: "ขายอะไร", en: "What do you sell?" }
            options:
              - value: tobacco
                label: { th: "ยาสูบ", en: "Tobacco" }
              - value: cards
                label: { th: "ไพ่", en: "Cards" }
        """;

    public const string Liquor = """
        code: liquor
        name: { th: "ใบอนุญาตขายสุรา", en: "Liquor sale licence" }
        agency: { code: "03006000", source: [BP] }
        law: { th: "พ.ร.บ.ภาษีสรรพสามิต", en: "Excise Tax Act", source: [BP] }
        who:
          required:
            - when: { question: sellsAlcohol, equals: true }
              because: { th: "เพราะคุณขายเครื่องดื่มแอลกอฮอล์", en: "because you sell alcohol" }
              source: [BP]
        fields:
          - key: applicantCitizenId
            label: { th: "เลขประจำตัวประชาชน", en: "Citizen ID" }
            type: citizenId
            registry: population
        fees:
          - label: { th: "ค่าธรรมเนียม", en: "Fee" }
            satang: 33000
            maxSatang: 770000
            source: [BP]
        sla: { workingDays: 1, source: [BP] }
        validity: { term: months, months: 12, renewable: true, source: [BP] }
        workflow:
          - step: check
            name: { th: "ตรวจ", en: "Check" }
            agency: "03006000"
            role: reviewer
        workflowSource: [assumption]
        """;

    public const string FoodShop = """
        code: food-shop
        name: { th: "ใบอนุญาตสถานที่จำหน่ายอาหาร", en: "Food premises licence" }
        agency: { code: "21043000", source: [BP] }
        law: { th: "พ.ร.บ.การสาธารณสุข", en: "Public Health Act", source: [BP] }
        who:
          required:
            - when:
                all:
                  - { question: floorArea, atLeast: 200 }
                  - { question: sells, includesAny: [tobacco] }
              because: { th: "เพราะพื้นที่ใหญ่", en: "because the area is large" }
              source: [BP]
          optional:
            - when: { always: true }
              because: { th: "แนะนำ", en: "suggested" }
              source: [assumption]
        fields: []
        fees:
          - label: { th: "ตามพื้นที่", en: "By area" }
            bands:
              question: floorArea
              steps:
                - { upTo: 100, satang: 100000 }
                - { satang: 300000 }
            source: [BP]
        sla: { workingDays: 30, source: [BP] }
        online: { slaDays: 10, feeDiscountPercent: 10, source: [assumption] }
        validity: { term: none, source: [assumption] }
        workflow:
          - parallel:
              - step: inspect
                name: { th: "ตรวจสถานที่", en: "Inspect" }
                agency: "21043000"
                role: officer
              - step: police
                name: { th: "ตำรวจตรวจ", en: "Police check" }
                agency: "21007000"
                role: officer
          - step: approve
            name: { th: "อนุมัติ", en: "Decide" }
            agency: "21043000"
            role: approver
        workflowSource: [assumption]
        """;

    public const string Bar = """
        code: bar
        name: { th: "บาร์", en: "Bar" }
        source: [assumption]
        questions: [sellsAlcohol, floorArea, sells]
        licences: [liquor, food-shop]
        """;

    public static Dictionary<string, string> Valid() => new(StringComparer.Ordinal)
    {
        ["catalogue.yaml"] = Catalogue,
        ["licences/liquor.yaml"] = Liquor,
        ["licences/food-shop.yaml"] = FoodShop,
        ["business-types/bar.yaml"] = Bar,
    };

    public static CatalogueData Load(Dictionary<string, string> files, IReadOnlySet<string>? agencies = null)
        => CatalogueLoader.Load(files.Select(f => new CatalogueFile(f.Key, f.Value)), agencies);

    public static IReadOnlyList<CatalogueError> Errors(Dictionary<string, string> files, IReadOnlySet<string>? agencies = null)
        => Assert.Throws<CatalogueException>(() => Load(files, agencies)).Errors;
}
