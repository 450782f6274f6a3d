using FluxCaption.Contracts.Accounts;
using FluxCaption.Web.Services;
using Microsoft.Extensions.Localization;

namespace FluxCaption.Web.Components.Account;

/// <summary>
/// The Api's account errors in the reader's language: the Api sends a code beside each field error, and
/// a code this page does not know falls back to the Api's English sentence.
/// </summary>
public sealed class AccountErrorText(IStringLocalizer<AccountErrorText> localizer)
{
    public IReadOnlyList<string> For(AccountCallResult result, string field, int passwordMinimumLength)
    {
        var codes = result.Codes.GetValueOrDefault(field, []);
        var messages = result.Messages.GetValueOrDefault(field, []);
        return [.. codes.Select((code, i) => Describe(code, passwordMinimumLength) ?? messages.ElementAtOrDefault(i) ?? code)];
    }

    private string? Describe(string code, int passwordMinimumLength) => code switch
    {
        AccountErrorCodes.Required => localizer["This field is required."].Value,
        AccountErrorCodes.PasswordTooShort => localizer["The password needs at least {0} characters.", passwordMinimumLength].Value,
        AccountErrorCodes.PasswordMismatch => localizer["The current password is wrong."].Value,
        AccountErrorCodes.InvalidUserName => localizer["This user name cannot be used."].Value,
        _ => null,
    };
}
