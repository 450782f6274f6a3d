using FluxCaption.Contracts.Accounts;
using FluxCaption.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FluxCaption.Api.Apis.Accounts;

internal static class AccountMapping
{
    public static AccountResponse ToResponse(this WebAccount account) =>
        new(account.Id, account.UserName ?? "", account.SecurityStamp ?? "");

    /// <summary>Field errors with their codes beside them (extension "codes"), so a client can word them in its own language.</summary>
    public static ValidationProblem Problem(string title, IEnumerable<(string Field, string Code, string Message)> errors)
    {
        var list = errors.ToList();
        var messages = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var codes = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(messages, title: title,
            extensions: new Dictionary<string, object?> { [AccountErrorCodes.ExtensionName] = codes });
    }

    /// <summary>Identity's errors under the request field they are about.</summary>
    public static IEnumerable<(string Field, string Code, string Message)> ToFieldErrors(
        this IEnumerable<IdentityError> errors, string userNameField, string passwordField, string currentPasswordField = "currentPassword") =>
        errors.Select(error => (
            error.Code switch
            {
                AccountErrorCodes.PasswordMismatch => currentPasswordField,
                _ when error.Code.Contains("UserName", StringComparison.Ordinal) => userNameField,
                _ => passwordField,
            },
            error.Code,
            error.Description));

    public static (string Field, string Code, string Message) Required(string field) =>
        (field, AccountErrorCodes.Required, $"{field} is required.");
}
