using FluentValidation;

namespace AuthPlatform.Application.Tokens.GetJwks;

/// <summary>The query has no input; the validator exists so the pipeline treats every message alike.</summary>
internal sealed class GetJwksQueryValidator : AbstractValidator<GetJwksQuery>;
