/** French: the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import type { PeopleLabels } from './labels.ts';

export const fr: PeopleLabels = {
  roles: {
    chair: 'Président(e)',
    'co-chair': 'Coprésident(e)',
    secretariat: 'Secrétariat',
    member: 'Membre',
    observer: 'Observateur(trice)',
    captioner: 'Sous-titreur(euse)',
    interpreter: 'Interprète',
  },
  locations: { room: 'Dans la salle', remote: 'À distance', phone: 'Par téléphone', unknown: 'Non précisé' },
  stakeholderGroups: {
    government: 'Gouvernement',
    'private-sector': 'Secteur privé',
    'civil-society': 'Société civile',
    'technical-community': 'Communauté technique',
    'intergovernmental-organisation': 'Organisation intergouvernementale',
    unknown: 'Non précisé',
  },
  regions: {
    africa: 'Afrique',
    'asia-pacific': 'Asie-Pacifique',
    'eastern-europe': 'Europe orientale',
    'latin-america-caribbean': 'Amérique latine et Caraïbes',
    weog: 'Europe occidentale et autres États',
    unknown: 'Non précisée',
  },
};
