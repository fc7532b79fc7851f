using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.RequestPasswordReset;

/// <summary>
/// Ask for a reset link for an address. POST /request-password-reset. The answer is the same whether or
/// not the address has an account: the request only queues a job, and the sender decides.
/// </summary>
public sealed record RequestPasswordResetCommand(string? Email, string? RedirectTo) : ICommand<Result<bool>>
{
    public override string ToString() => "RequestPasswordResetCommand { Email = *** }";
}
