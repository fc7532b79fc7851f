using FluentValidation;

namespace AuthPlatform.Application.Admin.HasPermission;

internal sealed class HasPermissionQueryValidator : AbstractValidator<HasPermissionQuery>
{
    public HasPermissionQueryValidator()
    {
        RuleFor(q => q.Permissions).Must(p => p.Count <= 32).WithMessage("At most 32 resources.");
        RuleForEach(q => q.Permissions).Must(p => p.Key.Length <= 64 && p.Value.Length <= 64 && p.Value.All(a => a.Length <= 64))
            .WithMessage("Resource and action names are at most 64 characters, at most 64 actions per resource.");
    }
}
