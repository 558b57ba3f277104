using Microsoft.AspNetCore.Identity;
using OneStop.SharedKernel;

namespace OneStop.Identity.Accounts;

/// <summary>
/// An e-mail-only account (IAL1) proves who the person is with their ID card later: the card's details are
/// checked against the population registry through the exchange exactly as registration checks them, and the
/// account then is at IAL2 and carries the registry's names.
/// </summary>
internal static class ProveIdentity
{
    internal sealed class Handler(UserManager<Account> users, IdCardCheck cards)
    {
        public async Task<Result<Account>> HandleAsync(Account account, IdCard card, CancellationToken cancellationToken)
        {
            if (account.IdentityLevel == IdentityLevels.Ial2)
            {
                return Error.Conflict("account.proved_already", Bilingual.Pick("บัญชีนี้ยืนยันตัวตนด้วยบัตรประชาชนแล้ว", "This account is proved with an ID card already."));
            }

            if (await cards.ProveAsync(account, card, $"digital-id-proofing:{account.Id:N}", cancellationToken) is { } problem)
            {
                return problem;
            }

            if (!(await users.UpdateAsync(account)).Succeeded)
            {
                // Another account took this citizen ID at the same moment (the unique index), or the account changed meanwhile.
                return Error.Conflict("account.not_proved", Bilingual.Pick("บันทึกไม่สำเร็จ กรุณาลองใหม่อีกครั้ง", "That could not be saved; please try again."));
            }

            return account;
        }
    }
}
