using AuthPlatform.Application.EmailPassword.ChangePassword;
using AuthPlatform.Application.Common.Behaviours;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Sessions.RevokeSession;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Application.Users.UpdateUser;
using FluentValidation;
using Mediator;

namespace AuthPlatform.Application.UnitTests;

/// <summary>Validators of the session-management and account use cases, and the freshness rule.</summary>
public sealed class SecurityValidatorTests
{
    private static readonly CurrentSession Actor = new(
        new SessionDto("s1", "u1", DateTimeOffset.UnixEpoch.AddDays(7), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null),
        new UserDto("u1", "Ann", "ann@example.com", false, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        RememberMe: true);

    private sealed class TwoCommonPasswords : ICommonPasswordList
    {
        public int Count => 2;

        public bool Contains(string password) => password.ToLowerInvariant() is "password1" or "sunshine";
    }

    /// <summary>The breach check over the list above, with the range query off (its own tests are HTTP tests).</summary>
    private static PasswordBreachCheck BreachCheck() =>
        new(new TwoCommonPasswords(), new NoRange(), new StaticOptionsMonitor<BreachedPasswordOptions>(new BreachedPasswordOptions()));

    private sealed class NoRange : IBreachedPasswordRange
    {
        public Task<BreachLookup> LookUpAsync(string password, CancellationToken cancellationToken) => throw new InvalidOperationException("The range query is off.");
    }

    private sealed class StaticOptionsMonitor<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private static bool Valid<T>(AbstractValidator<T> validator, T message) => validator.ValidateAsync(message).GetAwaiter().GetResult().IsValid;

    private static string CodeOf<T>(AbstractValidator<T> validator, T message) where T : IMessage
    {
        var result = validator.ValidateAsync(message).GetAwaiter().GetResult();
        Assert.False(result.IsValid);
        return ValidationBehaviour<T, Result<bool>>.ToError(result.Errors).Code;
    }

    [Fact]
    public void Sign_up_refuses_a_common_password_but_reports_a_short_one_as_too_short()
    {
        var validator = new SignUpCommonPasswordValidator(BreachCheck());

        Assert.Equal("PASSWORD_COMPROMISED", CodeOf(validator, new SignUpCommand("Ann", "ann@example.com", "SunShine", null, true, ClientInfo.Unknown)));
        Assert.True(Valid(validator, new SignUpCommand("Ann", "ann@example.com", "pass", null, true, ClientInfo.Unknown)));
        Assert.True(Valid(validator, new SignUpCommand("Ann", "ann@example.com", "correct horse battery", null, true, ClientInfo.Unknown)));
    }

    [Fact]
    public void Change_password_needs_the_current_password_and_a_good_new_one()
    {
        var validator = new ChangePasswordCommandValidator(BreachCheck());

        Assert.Equal("VALIDATION_ERROR", CodeOf(validator, new ChangePasswordCommand(Actor, null, "a good new passphrase", true, ClientInfo.Unknown)));
        Assert.Equal("PASSWORD_TOO_SHORT", CodeOf(validator, new ChangePasswordCommand(Actor, "old password", "short", true, ClientInfo.Unknown)));
        Assert.Equal("PASSWORD_COMPROMISED", CodeOf(validator, new ChangePasswordCommand(Actor, "old password", "password1", true, ClientInfo.Unknown)));
        Assert.True(Valid(validator, new ChangePasswordCommand(Actor, "old password", "a good new passphrase", true, ClientInfo.Unknown)));
    }

    [Fact]
    public void Update_user_refuses_email_and_empty_updates()
    {
        var validator = new UpdateUserCommandValidator(new Common.Validation.UsernamePolicy(Microsoft.Extensions.Options.Options.Create(new UsernameOptions())));

        Assert.Equal("EMAIL_CAN_NOT_BE_UPDATED", CodeOf(validator, new UpdateUserCommand("u1", "Ann", null, true, false, EmailGiven: true)));
        Assert.Equal("NO_FIELDS_TO_UPDATE", CodeOf(validator, new UpdateUserCommand("u1", null, null, false, false, false)));
        Assert.Equal("VALIDATION_ERROR", CodeOf(validator, new UpdateUserCommand("u1", " ", null, true, false, false)));
        Assert.True(validator.Validate(new UpdateUserCommand("u1", null, null, false, ImageGiven: true, false)).IsValid);
    }

    [Fact]
    public void Revoke_session_needs_a_token_or_an_id()
    {
        var validator = new RevokeSessionCommandValidator();

        Assert.False(validator.Validate(new RevokeSessionCommand(Actor, null, null)).IsValid);
        Assert.True(validator.Validate(new RevokeSessionCommand(Actor, null, "abc")).IsValid);
        Assert.True(validator.Validate(new RevokeSessionCommand(Actor, "tok", null)).IsValid);
        Assert.DoesNotContain("tok", new RevokeSessionCommand(Actor, "tok", null).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Change_password_never_prints_its_passwords()
    {
        var text = new ChangePasswordCommand(Actor, "old secret words", "new secret words", true, ClientInfo.Unknown).ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(60, false)]
    public void A_session_is_fresh_for_fresh_age_after_creation(int minutes, bool fresh)
    {
        var created = DateTimeOffset.UnixEpoch;

        Assert.Equal(fresh, SessionFreshness.IsFresh(created, created.AddMinutes(minutes), new SessionOptions()));
        Assert.True(SessionFreshness.IsFresh(created, created.AddDays(100), new SessionOptions { FreshAge = TimeSpan.Zero }));
    }
}
