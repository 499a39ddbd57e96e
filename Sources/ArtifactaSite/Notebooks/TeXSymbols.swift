/// The TeX commands the math converter knows, and what MathML each becomes.
enum TeXSymbols {
    /// Letters drawn as identifiers (`<mi>`).
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
        "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "partial": "∂", "nabla": "∇", "hbar": "ℏ", "ell": "ℓ", "emptyset": "∅", "varnothing": "∅",
        "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
    ]

    /// Operators and relations (`<mo>`).
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "cup": "∪",
        "cap": "∩", "setminus": "∖", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "iff": "⇔", "implies": "⇒", "leftrightarrow": "↔", "mapsto": "↦",
        "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨",
        "oplus": "⊕", "otimes": "⊗", "odot": "⊙", "ll": "≪", "gg": "≫", "perp": "⊥", "parallel": "∥", "mid": "∣",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "•", "prime": "′", "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊",
        "rfloor": "⌋", "|": "‖", "Vert": "‖", "vert": "|", "{": "{", "}": "}", "colon": ":", "triangleq": "≜",
        "coloneqq": "≔", "preceq": "⪯", "succeq": "⪰", "prec": "≺", "succ": "≻", "sqcup": "⊔", "uparrow": "↑",
        "downarrow": "↓", "longrightarrow": "⟶", "top": "⊤", "bot": "⊥",
    ]

    /// Big operators whose limits go above and below in display math.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "bigcup": "⋃",
        "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    ]

    /// Function names drawn upright (`<mi mathvariant="normal">`); `lim`-like ones take limits below.
    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "log", "ln", "lg",
        "exp", "max", "min", "sup", "inf", "lim", "liminf", "limsup", "arg", "det", "dim", "ker", "deg", "gcd", "Pr",
        "argmax", "argmin", "hom", "mod",
    ]
    static let limitFunctions: Set<String> = ["lim", "liminf", "limsup", "max", "min", "sup", "inf", "argmax", "argmin"]

    /// Horizontal spaces, in em.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", "quad": "1em", "qquad": "2em", " ": "0.25em",
        "!": "-0.1667em", "enspace": "0.5em",
    ]

    /// Font commands and the mathvariant they set.
    static let styles: [String: String] = [
        "mathbf": "bold", "mathit": "italic", "mathrm": "normal", "mathsf": "sans-serif", "mathtt": "monospace",
        "mathcal": "script", "mathscr": "script", "mathbb": "double-struck", "mathfrak": "fraktur", "boldsymbol": "bold-italic",
        "bm": "bold-italic",
    ]

    /// Accents over their argument.
    static let accents: [String: String] = [
        "hat": "^", "widehat": "^", "bar": "¯", "overline": "¯", "vec": "→", "dot": "˙", "ddot": "¨", "tilde": "~",
        "widetilde": "~", "check": "ˇ", "breve": "˘", "acute": "´", "grave": "`", "overrightarrow": "→",
    ]

    /// Matrix-like environments and the fences around them.
    static let environments: [String: (open: String, close: String)] = [
        "matrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
        "Vmatrix": ("‖", "‖"), "cases": ("{", ""), "aligned": ("", ""), "align": ("", ""), "align*": ("", ""),
        "array": ("", ""), "smallmatrix": ("", ""), "split": ("", ""), "gathered": ("", ""),
    ]
}
