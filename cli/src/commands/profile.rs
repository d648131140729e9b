use crate::context::Context;
use crate::output::{CliError, local_time, print_json};
use proprio_core::stimulus::{BodyPart, Side};
use proprio_core::{AffectedArea, Handedness, Profile, ProfileUpdate};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Print the profile
    Show {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change profile fields; fields not given stay as they are
    Set {
        /// Painful areas as BODY-PART:SIDE, comma-separated (e.g. hand:left,foot:left);
        /// "none" clears them. Body parts: hand, foot, back, neck, knee, shoulder
        #[arg(long, value_name = "AREAS")]
        affected: Option<String>,
        /// left, right or mixed
        #[arg(long, value_parser = ["left", "right", "mixed"])]
        handedness: Option<String>,
        /// Skin tone for the pictures, 0 (lightest) to 5 (darkest)
        #[arg(long, value_name = "0-5")]
        skin: Option<u8>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: Command) -> Result<(), CliError> {
    let proprio = ctx.open()?;
    let (profile, json) = match cmd {
        Command::Show { json } => (proprio.profile()?, json),
        Command::Set { affected, handedness, skin, json } => {
            let update = ProfileUpdate {
                affected: affected.as_deref().map(parse_areas).transpose()?,
                handedness: handedness.map(|h| match h.as_str() {
                    "left" => Handedness::Left,
                    "right" => Handedness::Right,
                    _ => Handedness::Mixed,
                }),
                skin_tone: skin,
            };
            (proprio.update_profile(update)?, json)
        }
    };
    if json {
        return print_json(&profile);
    }
    print_profile(&profile);
    Ok(())
}

fn print_profile(p: &Profile) {
    println!("Patient code   {}", p.code);
    println!("Affected       {}", describe_areas(&p.affected));
    let hand = p.handedness.map_or("not set", |h| match h {
        Handedness::Left => "left",
        Handedness::Right => "right",
        Handedness::Mixed => "mixed",
    });
    println!("Handedness     {hand}");
    println!("Skin tone      {} (0 lightest – 5 darkest)", p.skin_tone);
    println!("Created        {}", local_time(&p.created_at));
}

pub fn describe_areas(areas: &[AffectedArea]) -> String {
    if areas.is_empty() {
        return "none recorded".into();
    }
    areas.iter().map(|a| format!("{} {}", a.side, a.body_part)).collect::<Vec<_>>().join(", ")
}

fn parse_areas(text: &str) -> Result<Vec<AffectedArea>, CliError> {
    if text.trim() == "none" {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|item| {
            let (body, side) = item
                .trim()
                .split_once(':')
                .ok_or_else(|| CliError::usage(format!("--affected: '{item}' should look like hand:left")))?;
            let body_part =
                BodyPart::parse(body, "--affected").map_err(|e| CliError::usage(e.to_string()))?;
            let side = Side::parse(side, "--affected").map_err(|e| CliError::usage(e.to_string()))?;
            Ok(AffectedArea { body_part, side })
        })
        .collect()
}
