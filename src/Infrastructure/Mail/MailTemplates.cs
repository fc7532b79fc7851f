using System.Net;
using System.Text;
using AuthPlatform.Application.Mail.DeliverMail;
using AuthPlatform.Domain.Mail;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Mail;

/// <summary>
/// Renders a prepared mail from its templates: "&lt;kind&gt;.txt" (first line "Subject: ...", then the
/// plain-text body) and "&lt;kind&gt;.html". {{name}}-style placeholders are replaced (HTML-encoded in
/// the HTML body). Built-in templates are embedded; a file of the same name in
/// Auth:Smtp:TemplateDirectory replaces one.
/// </summary>
public sealed class MailTemplates(IOptions<SmtpOptions> options)
{
    public RenderedMail Render(PreparedMail mail)
    {
        var values = new Dictionary<string, string>(mail.Values, StringComparer.Ordinal) { ["appName"] = options.Value.AppName };
        var baseName = FileNameOf(mail.Kind);
        var text = Fill(Load(baseName + ".txt"), values, html: false);
        var newline = text.IndexOf('\n');
        var firstLine = (newline < 0 ? text : text[..newline]).TrimEnd('\r');
        if (!firstLine.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Mail template {baseName}.txt must start with a 'Subject:' line.");
        }

        var subject = firstLine["Subject:".Length..].Trim();
        var body = newline < 0 ? string.Empty : text[(newline + 1)..].TrimStart('\r', '\n');
        return new RenderedMail(mail.Recipient, subject, body, Fill(Load(baseName + ".html"), values, html: true));
    }

    public static string FileNameOf(MailKind kind) => kind switch
    {
        MailKind.PasswordReset => "reset-password",
        MailKind.EmailVerification => "verify-email",
        MailKind.EmailChangeVerification => "change-email-verification",
        MailKind.EmailChangeNotice => "change-email-notice",
        MailKind.MagicLink => "magic-link",
        MailKind.SignInCode => "sign-in-code",
        MailKind.VerificationCode => "verification-code",
        MailKind.PasswordResetCode => "reset-password-code",
        MailKind.OrganizationInvitation => "organization-invitation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private string Load(string fileName)
    {
        if (options.Value.TemplateDirectory is { Length: > 0 } directory && File.Exists(Path.Combine(directory, fileName)))
        {
            return File.ReadAllText(Path.Combine(directory, fileName));
        }

        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream("AuthPlatform.Infrastructure.Mail.Templates." + fileName)
            ?? throw new InvalidOperationException($"No built-in mail template {fileName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool html)
    {
        var result = new StringBuilder(template);
        foreach (var (key, value) in values)
        {
            result.Replace("{{" + key + "}}", html ? WebUtility.HtmlEncode(value) : value);
        }

        return result.ToString();
    }
}

/// <summary>A mail ready for the wire. Its bodies hold a live link: never log them.</summary>
public sealed record RenderedMail(string To, string Subject, string TextBody, string HtmlBody)
{
    public override string ToString() => $"RenderedMail(Subject = {Subject})";
}
