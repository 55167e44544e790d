// up2europe files each project under a funding path, theme first:
//   "Education and training\Life long learning (2007-2013)\POLICY CO-OPERATION…\Transnational cooperation…"
//   "Regional development\Interreg IV A (2007-2013)\France (Channel) - England"
// The programme is the first step that names one; for Interreg the next step (the cooperation area)
// is part of the programme's name ("Interreg IV A France (Channel) - England").

const PROGRAMME = /\b(interreg|erasmus\+?|life ?long learning|lifelong learning programme|urbact|horizon|fp7|esf|european social fund|youth in action|comenius|leonardo|grundtvig|creative europe|europe for citizens|easi|progress|daphne)\b/i;
const PERIOD = /\s*\((?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)\s*$/;

export function programmeFromPath(path: string): string | null {
  const steps = path.split('\\').map((step) => step.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const index = steps.findIndex((step) => PROGRAMME.test(step));
  if (index < 0) return null;
  const name = steps[index].replace(PERIOD, '').trim();
  const area = steps[index + 1];
  if (/^interreg\b/i.test(name) && area) return `${name} ${area}`;
  return name;
}
