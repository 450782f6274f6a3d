using FluxCaption.Contracts.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FluxCaption.Api.Apis.Accounts;

/// <summary>
/// The Web app's accounts. The Web app keeps the sign-in cookie; every check (first administrator,
/// password, lockout, security stamp) happens here, behind the API key like every other endpoint.
/// </summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization();
        api.MapGet("/status", GetStatusAsync).WithName("GetAccountStatus")
            .WithSummary("Whether the first administrator exists yet, and the password rule");
        api.MapPost("/administrator", CreateAdministratorAsync).WithName("CreateAdministrator")
            .WithSummary("Create the first administrator; 409 once any account exists");
        api.MapPost("/password-check", CheckPasswordAsync).WithName("CheckPassword")
            .WithSummary("Check a user name and password, counting failures toward the lockout");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetAccount")
            .WithSummary("One account with its current security stamp");
        api.MapPut("/{id:guid}/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the password given the current one; the security stamp changes with it");
        return api;
    }

    public static async Task<Ok<AccountStatusResponse>> GetStatusAsync(
        AccountDirectory accounts, IOptions<AccountOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AccountStatusResponse(await accounts.AnyAsync(cancellationToken), options.Value.PasswordMinimumLength));

    public static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAdministratorAsync(
        CreateAdministratorRequest request, AccountDirectory accounts, CancellationToken cancellationToken)
    {
        var userName = request.UserName?.Trim();
        var missing = Missing(("userName", userName), ("password", request.Password));
        if (missing.Count > 0)
        {
            return AccountMapping.Problem("The administrator is not valid.", missing);
        }

        var result = await accounts.CreateFirstAsync(userName!, request.Password!, cancellationToken);
        if (result.AlreadyExists)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An administrator already exists.",
                detail: "The first administrator can be created only once; sign in with an existing account.");
        }

        return result.Account is { } account
            ? TypedResults.Created($"/api/accounts/{account.Id}", account.ToResponse())
            : AccountMapping.Problem("The administrator is not valid.", result.Errors.ToFieldErrors("userName", "password"));
    }

    public static async Task<Results<Ok<PasswordCheckResponse>, ValidationProblem>> CheckPasswordAsync(
        PasswordCheckRequest request, AccountDirectory accounts)
    {
        var userName = request.UserName?.Trim();
        var missing = Missing(("userName", userName), ("password", request.Password));
        return missing.Count > 0
            ? AccountMapping.Problem("The sign-in is not valid.", missing)
            : TypedResults.Ok(await accounts.CheckPasswordAsync(userName!, request.Password!));
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound<ProblemDetails>>> GetAsync(
        Guid id, AccountDirectory accounts, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken) is { } account
            ? TypedResults.Ok(account.ToResponse())
            : NoSuchAccount(id);

    public static async Task<Results<Ok<AccountResponse>, ValidationProblem, NotFound<ProblemDetails>>> ChangePasswordAsync(
        Guid id, ChangePasswordRequest request, AccountDirectory accounts)
    {
        var missing = Missing(("currentPassword", request.CurrentPassword), ("newPassword", request.NewPassword));
        if (missing.Count > 0)
        {
            return AccountMapping.Problem("The new password is not valid.", missing);
        }

        var (account, errors) = await accounts.ChangePasswordAsync(id, request.CurrentPassword!, request.NewPassword!);
        if (account is null)
        {
            return NoSuchAccount(id);
        }

        return errors.Count == 0
            ? TypedResults.Ok(account.ToResponse())
            : AccountMapping.Problem("The new password is not valid.", errors.ToFieldErrors("userName", "newPassword"));
    }

    private static List<(string Field, string Code, string Message)> Missing(params (string Field, string? Value)[] fields) =>
        [.. fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => AccountMapping.Required(f.Field))];

    private static NotFound<ProblemDetails> NoSuchAccount(Guid id) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such account.",
        Detail = $"There is no account {id}.",
    });
}
