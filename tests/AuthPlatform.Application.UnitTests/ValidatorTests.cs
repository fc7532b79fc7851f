using AuthPlatform.Application.Common.Behaviours;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.EmailPassword.SignIn;
using AuthPlatform.Application.EmailPassword.SignUp;
using FluentValidation;
using Mediator;

namespace AuthPlatform.Application.UnitTests;

public sealed class ValidatorTests
{
    private static Error Validate<T>(AbstractValidator<T> validator, T message) where T : IMessage
    {
        var result = validator.Validate(message);
        Assert.False(result.IsValid);
        return ValidationBehaviour<T, Result<AuthenticatedSession>>.ToError(result.Errors);
    }

    private static SignUpCommandValidator NewSignUpValidator() =>
        new(new Common.Validation.UsernamePolicy(Microsoft.Extensions.Options.Options.Create(new Common.Options.UsernameOptions())));

    private static SignUpCommand SignUp(string? name = "Ann", string? email = "ann@example.com", string? password = "correct horse battery") =>
        new(name, email, password, null, true, ClientInfo.Unknown);

    [Fact]
    public void A_complete_sign_up_is_valid() => Assert.True(NewSignUpValidator().Validate(SignUp()).IsValid);

    [Fact]
    public void Missing_fields_are_each_reported()
    {
        var error = Validate(NewSignUpValidator(), SignUp(name: null, email: null, password: null));

        Assert.Equal("VALIDATION_ERROR", error.Code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(["email", "name", "password"], error.FieldErrors!.Keys.Order());
    }

    [Fact]
    public void An_invalid_email_has_its_own_code() =>
        Assert.Equal("INVALID_EMAIL", Validate(NewSignUpValidator(), SignUp(email: "not-an-email")).Code);

    [Fact]
    public void A_seven_character_password_is_too_short() =>
        Assert.Equal("PASSWORD_TOO_SHORT", Validate(NewSignUpValidator(), SignUp(password: "1234567")).Code);

    [Fact]
    public void A_129_character_password_is_too_long() =>
        Assert.Equal("PASSWORD_TOO_LONG", Validate(NewSignUpValidator(), SignUp(password: new string('p', 129))).Code);

    [Theory]
    [InlineData("12345678")]
    [InlineData("        ")] // spaces only: no composition rules
    [InlineData("🙂🙂🙂🙂🙂🙂🙂🙂")] // eight code points, sixteen UTF-16 units
    [InlineData("all lowercase words")]
    public void Any_composition_of_eight_or_more_characters_is_accepted(string password) =>
        Assert.True(NewSignUpValidator().Validate(SignUp(password: password)).IsValid);

    [Fact]
    public void A_128_character_password_is_accepted() =>
        Assert.True(NewSignUpValidator().Validate(SignUp(password: new string('p', 128))).IsValid);

    [Fact]
    public void A_huge_password_is_refused_without_normalising_it()
    {
        var error = Validate(NewSignUpValidator(), SignUp(password: new string('p', 1_000_000)));

        Assert.Equal("PASSWORD_TOO_LONG", error.Code);
    }

    [Fact]
    public void Sign_in_refuses_a_too_long_password_but_not_a_short_one()
    {
        var validator = new SignInCommandValidator();

        Assert.True(validator.Validate(new SignInCommand("ann@example.com", "short", true, ClientInfo.Unknown)).IsValid);
        Assert.Equal("PASSWORD_TOO_LONG", Validate(validator, new SignInCommand("ann@example.com", new string('p', 129), true, ClientInfo.Unknown)).Code);
        Assert.Equal("VALIDATION_ERROR", Validate(validator, new SignInCommand("ann@example.com", null, true, ClientInfo.Unknown)).Code);
    }

    [Fact]
    public void Commands_never_print_the_password()
    {
        const string password = "a-very-secret-password";

        Assert.DoesNotContain(password, SignUp(password: password).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, new SignInCommand("ann@example.com", password, true, ClientInfo.Unknown).ToString(), StringComparison.Ordinal);
    }
}
