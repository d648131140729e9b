//! Enums with a fixed text form: the one way the core turns an enum into text and back
//! (stored columns, stimulus ids, CLI arguments, JSON), so every name is written once.

/// Declares a `uniffi::Enum` whose variants each have a text form, with `ALL`,
/// `as_str`, `parse` (its error names the input field), `Display` and kebab-case serde
/// matching the text.
macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, uniffi::Enum,
        )]
        pub enum $name { $($(#[$vm])* #[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the text form; `field` names the input in the error.
            pub fn parse(text: &str, field: &str) -> $crate::error::Result<Self> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::error::Error::invalid(field, format!(
                        "'{text}' is not one of: {}",
                        [$($text),+].join(", ")
                    ))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use text_enum;

#[cfg(test)]
mod tests {
    text_enum!(
        /// For the test only.
        Fruit {
            /// A variant with a doc.
            Apple => "apple",
            BloodOrange => "blood-orange",
        }
    );

    #[test]
    fn text_serde_and_parse_agree() {
        for &f in Fruit::ALL {
            assert_eq!(Fruit::parse(f.as_str(), "fruit").unwrap(), f);
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{f}\""));
        }
        let err = Fruit::parse("pear", "order.fruit").unwrap_err().to_string();
        assert_eq!(err, "invalid order.fruit: 'pear' is not one of: apple, blood-orange");
    }
}
