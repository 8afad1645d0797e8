/** Spanish: the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import type { PeopleLabels } from './labels.ts';

export const es: PeopleLabels = {
  roles: {
    chair: 'Presidencia',
    'co-chair': 'Copresidencia',
    secretariat: 'Secretaría',
    member: 'Miembro',
    observer: 'Observador(a)',
    captioner: 'Subtitulador(a)',
    interpreter: 'Intérprete',
  },
  locations: { room: 'En la sala', remote: 'A distancia', phone: 'Por teléfono', unknown: 'Sin indicar' },
  stakeholderGroups: {
    government: 'Gobierno',
    'private-sector': 'Sector privado',
    'civil-society': 'Sociedad civil',
    'technical-community': 'Comunidad técnica',
    'intergovernmental-organisation': 'Organización intergubernamental',
    unknown: 'Sin indicar',
  },
  regions: {
    africa: 'África',
    'asia-pacific': 'Asia y el Pacífico',
    'eastern-europe': 'Europa Oriental',
    'latin-america-caribbean': 'América Latina y el Caribe',
    weog: 'Europa Occidental y otros Estados',
    unknown: 'Sin indicar',
  },
};
