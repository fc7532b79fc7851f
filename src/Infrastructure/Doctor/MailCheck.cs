using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Mail;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// The SMTP server answers as configured (connection, TLS, login), without sending anything. A mail
/// server that cannot be reached does not fail a request (mail waits in the outbox, ADR 0081), so this
/// is the one place a broken mail setting shows before users wait for a reset link that never comes.
/// </summary>
public sealed class MailCheck(SmtpProbe probe) : IDoctorCheck
{
    public string Name => "mail";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var outcome = await probe.CheckAsync(cancellationToken);
        return outcome.Ok
            ? DoctorResult.Pass(outcome.Detail)
            : DoctorResult.Fail(outcome.Detail,
                "check AUTH_SMTP_HOST, AUTH_SMTP_PORT and AUTH_SMTP_TLS (and AUTH_SMTP_USERNAME / AUTH_SMTP_PASSWORD); until the server answers, mail waits in the outbox");
    }
}
