using AuthPlatform.Application.Mail.DeliverMail;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Tests;

public sealed class SmtpOptionsTests
{
    private static List<string> Problems(SmtpOptions options) => new SmtpOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void No_host_means_mail_is_off_and_nothing_else_is_checked() =>
        Assert.Empty(Problems(new SmtpOptions { Port = 0, From = "not an address" }));

    [Fact]
    public void Sound_settings_pass() =>
        Assert.Empty(Problems(new SmtpOptions { Host = "smtp.example.com", Port = 465, Tls = SmtpTlsMode.Implicit, From = "Example <no-reply@example.com>", Username = "u", Password = "p" }));

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var problems = Problems(new SmtpOptions { Host = "smtp example", Port = 70000, Tls = (SmtpTlsMode)9, From = "nobody", Username = "u" });

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("Auth:Smtp:Host", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Smtp:Tls", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Smtp:From", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Smtp:Username and Auth:Smtp:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_fill_placeholders_and_encode_them_in_html_and_an_operator_file_replaces_one()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var values = new Dictionary<string, string> { ["name"] = "<Ann>", ["email"] = "ann@example.com", ["url"] = "https://auth.example.com/x?a=1&b=2", ["expiresInMinutes"] = "60" };
            var builtIn = new MailTemplates(Options.Create(new SmtpOptions { AppName = "Example" })).Render(new PreparedMail(MailKind.PasswordReset, "ann@example.com", values));
            Assert.Equal("Reset your Example password", builtIn.Subject);
            Assert.Contains("https://auth.example.com/x?a=1&b=2", builtIn.TextBody, StringComparison.Ordinal);
            Assert.Contains("Hello <Ann>", builtIn.TextBody, StringComparison.Ordinal);
            Assert.Contains("https://auth.example.com/x?a=1&amp;b=2", builtIn.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&lt;Ann&gt;", builtIn.HtmlBody, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(directory.FullName, "reset-password.txt"), "Subject: Custom {{appName}}\nGo to {{url}}\n");
            var replaced = new MailTemplates(Options.Create(new SmtpOptions { AppName = "Example", TemplateDirectory = directory.FullName }))
                .Render(new PreparedMail(MailKind.PasswordReset, "ann@example.com", values));
            Assert.Equal("Custom Example", replaced.Subject);
            Assert.Equal("Go to https://auth.example.com/x?a=1&b=2\n", replaced.TextBody);
            Assert.Equal(builtIn.HtmlBody, replaced.HtmlBody); // the .html was not replaced
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
