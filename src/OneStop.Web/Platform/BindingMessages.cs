using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using OneStop.SharedKernel;

namespace OneStop.Web.Platform;

/// <summary>
/// What a form says when a value cannot be read at all (letters in a number, say): people's words in the
/// page's language instead of the framework's English, which names properties ("… is not valid for Days").
/// </summary>
internal sealed class BindingMessages : IBindingMetadataProvider
{
    private static readonly DefaultModelBindingMessageProvider Any = Messages(value => string.IsNullOrWhiteSpace(value)
        ? Bilingual.Pick("ข้อมูลในช่องนี้ใช้ไม่ได้ กรุณากรอกใหม่", "What is in this field cannot be used; enter it again.")
        : Bilingual.Pick($"ใช้ “{value}” ในช่องนี้ไม่ได้ กรุณากรอกใหม่", $"“{value}” cannot be used here; enter it again."));

    private static readonly DefaultModelBindingMessageProvider Numbers = Messages(
        _ => Bilingual.Pick("กรุณากรอกเป็นตัวเลข", "Enter a number."));

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        context.BindingMetadata.ModelBindingMessageProvider = IsNumber(type) ? Numbers : Any;
    }

    private static bool IsNumber(Type type)
        => type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
            || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    private static DefaultModelBindingMessageProvider Messages(Func<string, string> invalid)
    {
        var required = () => Bilingual.Pick("กรุณากรอกข้อมูลนี้", "This is required.");
        var messages = new DefaultModelBindingMessageProvider();
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => invalid(value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(invalid);
        messages.SetValueIsInvalidAccessor(invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => invalid(string.Empty));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => invalid(string.Empty));
        messages.SetValueMustBeANumberAccessor(_ => Bilingual.Pick("กรุณากรอกเป็นตัวเลข", "Enter a number."));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Bilingual.Pick("กรุณากรอกเป็นตัวเลข", "Enter a number."));
        messages.SetMissingBindRequiredValueAccessor(_ => required());
        messages.SetMissingKeyOrValueAccessor(required);
        messages.SetMissingRequestBodyRequiredValueAccessor(required);
        messages.SetValueMustNotBeNullAccessor(_ => required());
        return messages;
    }
}
