import { localizedName, type Named } from '../lib/localizedName';
import { useLanguage } from '../lib/useLanguage';

interface LocalizedNameProps {
  entity: Named;
}

/** An entity's name in the active language, marked with its own `lang` when it falls back to Persian. */
export function LocalizedName({ entity }: LocalizedNameProps) {
  const language = useLanguage();
  const name = localizedName(entity, language);
  return name.lang === language ? <>{name.text}</> : <span lang={name.lang}>{name.text}</span>;
}
