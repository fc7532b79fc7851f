using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Users.UpdateUser;

/// <summary>
/// Change the caller's profile: name and/or image. POST /update-user. <see cref="ImageGiven"/> tells an
/// explicit <c>"image": null</c> (clear it) from no image at all; <see cref="EmailGiven"/> is refused
/// (email changes need verification, which this endpoint cannot do). <see cref="Username"/> and
/// <see cref="DisplayUsername"/> (the username plugin's) change when given.
/// </summary>
public sealed record UpdateUserCommand(
    string UserId, string? Name, string? Image, bool NameGiven, bool ImageGiven, bool EmailGiven, string? Username = null, string? DisplayUsername = null)
    : ICommand<Result<bool>>;
